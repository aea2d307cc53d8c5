package org.onewindow.library;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A verified material kept for an applicant: which, from which application, by whom, until when. */
public record LibraryItem(long id, String holderId, String material, Long sourceApplication, String verifiedBy,
        OffsetDateTime verifiedAt, LocalDate validUntil) {
}
