package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class OutcomeJsonTest {

    @Test
    void compressedJsonComesBackAsItWas() {
        byte[] json = ("{\"notice\":\"" + "请携带《食品经营许可申请书》原件一份。".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] zlib = OutcomeJson.compress(json);
        assertTrue(zlib.length * 5 < json.length, zlib.length + " of " + json.length);
        assertArrayEquals(json, OutcomeJson.decompress(zlib));
        assertArrayEquals(new byte[0], OutcomeJson.decompress(OutcomeJson.compress(new byte[0])));
    }

    @Test
    void aDamagedRecordIsAnErrorNotAnotherOutcome() {
        byte[] zlib = OutcomeJson.compress("{\"window\":null}".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(zlib, zlib.length - 3);
        assertThrows(UncheckedIOException.class, () -> OutcomeJson.decompress(truncated));
        byte[] flipped = zlib.clone();
        flipped[flipped.length - 1] ^= 0x55; // the checksum
        assertThrows(UncheckedIOException.class, () -> OutcomeJson.decompress(flipped));
    }

    @Test
    void theAnswerFillsInIdAndReference() {
        byte[] unrecorded = "{\"window\":{\"code\":\"tax\"},\"decisionId\":null,\"reference\":null}".getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"window\":{\"code\":\"tax\"},\"decisionId\":42,\"reference\":\"OW-20261203-K7Q2M9XD\"}",
                new String(OutcomeJson.recorded(unrecorded, 42, "OW-20261203-K7Q2M9XD").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("{\"window\":{\"code\":\"tax\"},\"decisionId\":7,\"reference\":\"a\\\"b\"}",
                new String(OutcomeJson.recorded(unrecorded, 7, "a\"b").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void jsonOfAnotherShapeIsNotPatched() {
        assertTrue(OutcomeJson.recorded("{\"decisionId\":3,\"reference\":\"x\"}".getBytes(StandardCharsets.UTF_8), 4, "y")
                .isEmpty());
        assertTrue(OutcomeJson.recorded("{\"reference\":null,\"decisionId\":null}".getBytes(StandardCharsets.UTF_8), 4, "y")
                .isEmpty());
        assertTrue(OutcomeJson.recorded(new byte[0], 4, "y").isEmpty());
    }
}
