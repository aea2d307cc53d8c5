package org.onewindow.online;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.platform.OnlineMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * One-time sign-in codes: six random digits sent through the {@link MessageGateway}, stored only
 * as a hash (salted with the phone), valid for a few minutes, used up by a success or by too many
 * wrong tries, and not sent again to the same phone within a minute.
 */
@ApplicationScoped
public class OneTimeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    OnlineStore store;

    @Inject
    MessageGateway gateway;

    @Inject
    Clock clock;

    @ConfigProperty(name = "onewindow.online.code-validity", defaultValue = "PT5M")
    Duration validity;

    @ConfigProperty(name = "onewindow.online.code-resend-after", defaultValue = "PT60S")
    Duration resendAfter;

    @ConfigProperty(name = "onewindow.online.code-attempts", defaultValue = "5")
    int attempts;

    /** Sends a fresh code to the phone (429 when one was sent less than a minute ago). */
    @Transactional
    public void send(String phoneNumber) {
        String phone = PhoneNumbers.valid(phoneNumber, "phone");
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.one("SELECT sent_at FROM online_code WHERE phone = ? FOR UPDATE", rs -> rs.getObject(1,
                OffsetDateTime.class), phone).ifPresent(sent -> {
                    OffsetDateTime again = sent.plus(resendAfter);
                    if (now.isBefore(again)) {
                        throw new OnlineException(429, "too soon", "a code was sent less than "
                                + resendAfter.toSeconds() + " seconds ago", "phone",
                                Math.max(1, Duration.between(now, again).toSeconds()));
                    }
                });
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        store.exec("""
                INSERT INTO online_code (phone, code_hash, sent_at, expires_at, attempts) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT (phone) DO UPDATE SET code_hash = EXCLUDED.code_hash, sent_at = EXCLUDED.sent_at,
                    expires_at = EXCLUDED.expires_at, attempts = 0
                """, phone, hash(phone, code), now, now.plus(validity));
        OnlineMessages zh = MessageBundles.get(OnlineMessages.class, Localized.Literal.of("zh"));
        gateway.send(phone, "sign-in", zh.sms_code(code, (int) validity.toMinutes()));
    }

    /**
     * Checks a code: true uses it up; a wrong one counts a try, and the last allowed try uses the
     * code up too. One answer for "wrong", "expired" and "never sent" (401).
     */
    @Transactional(dontRollbackOn = OnlineException.class)
    public void verify(String phoneNumber, String code) {
        String phone = PhoneNumbers.valid(phoneNumber, "phone");
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Stored(String hash, OffsetDateTime expires, int attempts) {
        }
        Stored stored = store.one("SELECT code_hash, expires_at, attempts FROM online_code WHERE phone = ? FOR UPDATE",
                rs -> new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)), phone)
                .orElse(null);
        boolean valid = stored != null && now.isBefore(stored.expires()) && stored.attempts() < attempts
                && code != null && stored.hash().equals(hash(phone, code.strip()));
        if (valid) {
            store.exec("DELETE FROM online_code WHERE phone = ?", phone);
            return;
        }
        if (stored != null) {
            store.exec("UPDATE online_code SET attempts = attempts + 1 WHERE phone = ?", phone);
        }
        throw new OnlineException(401, "wrong code", "the code is wrong or has expired: ask for a new one", "code");
    }

    private static String hash(String phone, String code) {
        return Hashes.sha256(phone + ":" + code);
    }
}
