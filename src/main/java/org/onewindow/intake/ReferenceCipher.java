package org.onewindow.intake;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The eight characters of a batched decision's reference ({@link References}), worked out from its
 * record id: a keyed permutation of 40-bit numbers (a balanced Feistel network of two 20-bit halves,
 * ten rounds, each round's function AES-128 under the key of {@code decision_reference_key}). Distinct
 * ids give distinct references (no collision to retry), and without the key a reference says no more
 * about its id, or a neighbour's, than a random one would; with the key the id is read back from the
 * reference, so no index entry per decision is needed to find it (V75).
 *
 * <p>Not thread-safe (it holds a {@link Cipher}): one per thread that uses it.
 */
final class ReferenceCipher {

    static final int BITS = 40;
    private static final int HALF = BITS / 2;
    private static final long HALF_MASK = (1L << HALF) - 1;
    private static final int ROUNDS = 10;
    private static final String ALPHABET = References.ALPHABET;

    private final Cipher aes;
    private final byte[] block = new byte[16];
    private final byte[] out = new byte[16];

    ReferenceCipher(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("a reference key has 16 bytes, not " + key.length);
        }
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** The eight base-32 characters for {@code id} (0 ≤ id < 2^40). */
    String encode(long id) {
        if (id < 0 || id >= 1L << BITS) {
            throw new IllegalArgumentException("a reference holds 40 bits, not id " + id);
        }
        long left = id >>> HALF;
        long right = id & HALF_MASK;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ f(round, right);
            left = right;
            right = next;
        }
        long value = left << HALF | right;
        char[] text = new char[8];
        for (int i = 7; i >= 0; i--) {
            text[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(text);
    }

    /** The id whose reference characters are {@code text} (eight of the alphabet, upper case). */
    long decode(String text) {
        if (text.length() != 8) {
            throw new IllegalArgumentException("a reference has eight characters after the day: " + text);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a reference character: " + text.charAt(i));
            }
            value = value << 5 | digit;
        }
        long left = value >>> HALF;
        long right = value & HALF_MASK;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = right ^ f(round, left);
            right = left;
            left = previous;
        }
        return left << HALF | right;
    }

    /** The round function: 20 bits of AES over the round number and the half. */
    private long f(int round, long half) {
        block[0] = (byte) round;
        block[1] = (byte) (half >>> 16);
        block[2] = (byte) (half >>> 8);
        block[3] = (byte) half;
        try {
            aes.doFinal(block, 0, 16, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return ((out[0] & 0xFFL) << 16 | (out[1] & 0xFFL) << 8 | (out[2] & 0xFFL)) & HALF_MASK;
    }
}
