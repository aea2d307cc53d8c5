package org.onewindow.online;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.intake.IdNumbers;
import org.onewindow.intake.InvalidInputException;

import io.quarkus.arc.DefaultBean;

/**
 * The default {@link IdentityVerifier}: identity numbers a clerk has verified for a phone number
 * at the desk (the applicant showed their ID card and the phone), kept in {@code verified_identity}.
 */
@ApplicationScoped
@DefaultBean
public class RegisteredIdentities implements IdentityVerifier {

    @Inject
    OnlineStore store;

    @Inject
    Clock clock;

    @Override
    public boolean verified(String phone, String idNumber) {
        if (phone == null || idNumber == null) {
            return false;
        }
        return store.one("SELECT 1 FROM verified_identity WHERE id_number = ? AND phone = ?", rs -> 1,
                idNumber.toUpperCase(Locale.ROOT), phone).isPresent();
    }

    /** A clerk records that they saw the ID card of the person holding this phone. */
    public void register(String idNumber, String phoneNumber, String name, String clerk) {
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        String problem = IdNumbers.problem(id);
        if (problem != null) {
            throw new InvalidInputException("id", problem);
        }
        String phone = PhoneNumbers.valid(phoneNumber, "phone");
        store.exec("""
                INSERT INTO verified_identity (id_number, phone, name, verified_by, verified_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id_number, phone) DO UPDATE SET name = EXCLUDED.name, verified_by = EXCLUDED.verified_by,
                    verified_at = EXCLUDED.verified_at
                """, id, phone, name == null || name.isBlank() ? null : name.strip(), clerk, OffsetDateTime.now(clock));
    }
}
