package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The keyed 40-bit permutation behind a batched decision's reference (V75). */
class ReferenceCipherTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void everyIdReadsBackFromItsReference() {
        ReferenceCipher cipher = new ReferenceCipher(KEY);
        Set<String> seen = new HashSet<>();
        long[] edges = {0, 1, DecisionBatches.BATCHED_FROM, DecisionBatches.BATCHED_FROM + 127, (1L << 40) - 1};
        for (long id : edges) {
            String text = cipher.encode(id);
            assertEquals(8, text.length());
            assertEquals(id, cipher.decode(text), text);
            assertTrue(seen.add(text));
        }
        for (long id = DecisionBatches.BATCHED_FROM + 128; id < DecisionBatches.BATCHED_FROM + 20_128; id++) {
            String text = cipher.encode(id);
            assertEquals(id, cipher.decode(text));
            assertTrue(seen.add(text), "distinct: " + text);
        }
    }

    @Test
    void neighboursDoNotLookAlikeAndTheKeyMatters() {
        ReferenceCipher cipher = new ReferenceCipher(KEY);
        ReferenceCipher other = new ReferenceCipher("fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long id = DecisionBatches.BATCHED_FROM + 5 * 128;
        String a = cipher.encode(id);
        String b = cipher.encode(id + 1);
        int same = 0;
        for (int i = 0; i < 8; i++) {
            same += a.charAt(i) == b.charAt(i) ? 1 : 0;
        }
        assertTrue(same <= 3, a + " vs " + b + ": consecutive ids must not give similar references");
        assertNotEquals(a, other.encode(id), "another key, another reference");
    }

    @Test
    void refusesWhatIsNotAReference() {
        ReferenceCipher cipher = new ReferenceCipher(KEY);
        assertThrows(IllegalArgumentException.class, () -> cipher.decode("K7Q2M9X"));
        assertThrows(IllegalArgumentException.class, () -> cipher.decode("K7Q2M9XI"));
        assertThrows(IllegalArgumentException.class, () -> cipher.encode(1L << 40));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceCipher(new byte[8]));
    }
}
