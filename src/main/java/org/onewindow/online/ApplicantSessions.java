package org.onewindow.online;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.intake.IdNumbers;
import org.onewindow.intake.InvalidInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Online applicants' accounts and sessions: a correct one-time code opens a session (a random
 * 256-bit token in an HttpOnly cookie; the database keeps only its SHA-256), which ends after a
 * few hours or when the applicant signs out. The account keeps the identity the applicant
 * declared; whether it is theirs is the {@link IdentityVerifier}'s word.
 */
@ApplicationScoped
public class ApplicantSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 100;

    @Inject
    OnlineStore store;

    @Inject
    OneTimeCodes codes;

    @Inject
    IdentityVerifier verifier;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "onewindow.online.session-length", defaultValue = "PT4H")
    Duration length;

    /** Checks the code and opens a session; the token goes into the applicant's cookie. A wrong try is counted. */
    @Transactional(dontRollbackOn = OnlineException.class)
    public String signIn(String phoneNumber, String code) {
        String phone = PhoneNumbers.valid(phoneNumber, "phone");
        codes.verify(phone, code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.exec("INSERT INTO online_account (phone, created_at) VALUES (?, ?) ON CONFLICT (phone) DO NOTHING", phone,
                now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.exec("INSERT INTO online_session (token_hash, phone, created_at, expires_at) VALUES (?, ?, ?, ?)",
                Hashes.sha256(token), phone, now, now.plus(length));
        return token;
    }

    /** The applicant behind a cookie's token, if the session is still open. */
    public Optional<SignedIn> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        record Found(String phone, String id, String name, String answers) {
        }
        return store.one("""
                SELECT s.phone, a.id_number, a.name, s.answers FROM online_session s JOIN online_account a ON a.phone = s.phone
                WHERE s.token_hash = ? AND s.expires_at > ?
                """, rs -> new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                Hashes.sha256(token), OffsetDateTime.now(clock))
                .map(f -> new SignedIn(token, f.phone(), f.id(), f.name(), f.id() != null && verifier.verified(f.phone(),
                        f.id()), readAnswers(f.answers())));
    }

    public void signOut(String token) {
        if (token != null) {
            store.exec("DELETE FROM online_session WHERE token_hash = ?", Hashes.sha256(token));
        }
    }

    /** The applicant declares who they are (the identity number is checked, GB 11643). */
    public void declare(SignedIn who, String idNumber, String name) {
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        String problem = IdNumbers.problem(id);
        if (problem != null) {
            throw new InvalidInputException("idNumber", problem);
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new InvalidInputException("name", "give your name (1 to " + MAX_NAME + " characters)");
        }
        store.exec("UPDATE online_account SET id_number = ?, name = ? WHERE phone = ?", id, n, who.phone());
    }

    /** Keeps answers given in this session, to offer them again in the next interview. */
    public void remember(SignedIn who, Map<String, String> answers) {
        if (answers.isEmpty()) {
            return;
        }
        Map<String, String> all = new HashMap<>(who.answers());
        all.putAll(answers);
        try {
            store.exec("UPDATE online_session SET answers = CAST(? AS jsonb) WHERE token_hash = ?",
                    json.writeValueAsString(all), Hashes.sha256(who.token()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readAnswers(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
