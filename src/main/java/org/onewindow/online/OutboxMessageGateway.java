package org.onewindow.online;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;

/**
 * The default {@link MessageGateway}: every message goes to the {@code message_outbox} table and
 * nowhere else. An office without an SMS contract reads the codes there (operators only: the API
 * {@code GET /api/outbox} needs the admin role) and passes them on; a deployment with a provider
 * adds its own gateway bean, which replaces this one.
 */
@ApplicationScoped
@DefaultBean
public class OutboxMessageGateway implements MessageGateway {

    @Inject
    OnlineStore store;

    @Inject
    Clock clock;

    @Override
    public void send(String phone, String purpose, String text) {
        store.exec("INSERT INTO message_outbox (phone, purpose, body, created_at) VALUES (?, ?, ?, ?)", phone, purpose,
                text, OffsetDateTime.now(clock));
    }
}
