package org.onewindow.online;

import java.time.OffsetDateTime;

/** A message written to the outbox: to whom, why, what, when. */
public record OutboxMessage(long id, String phone, String purpose, String body, OffsetDateTime createdAt) {
}
