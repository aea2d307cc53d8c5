package org.onewindow.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of
 * milliseconds): a script calling the applications API would pay it on every call. A user name and
 * password that passed bcrypt are remembered for a minute — as a salted SHA-256 in this node's
 * memory, never the password — so the next calls skip bcrypt. The account itself (active, roles)
 * is still read on every request; a password change, reset or deactivation forgets the account on
 * this node at once (on another node within the minute).
 */
@ApplicationScoped
public class VerifiedCredentials {

    private static final long TTL = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX = 10_000;

    private final byte[] salt = new byte[32];
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(salt);
    }

    public boolean recentlyVerified(String username, char[] password) {
        Long until = verified.get(key(username, password));
        return until != null && until - System.nanoTime() > 0;
    }

    public void remember(String username, char[] password) {
        if (verified.size() >= MAX) {
            long now = System.nanoTime();
            verified.values().removeIf(until -> until - now <= 0);
            if (verified.size() >= MAX) {
                verified.clear();
            }
        }
        verified.put(key(username, password), System.nanoTime() + TTL);
    }

    /** Forgets every remembered password of the account. */
    public void forget(String username) {
        verified.keySet().removeIf(k -> k.startsWith(username + "\u0000"));
    }

    private String key(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return username + "\u0000" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
