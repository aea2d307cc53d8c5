package org.onewindow.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The outcome's JSON, written once per decision: the record stores it (zlib-compressed) and the
 * answer is the same bytes with the record id and notice reference filled in.
 *
 * <p>Why compressed by us: PostgreSQL spent ~450 µs of CPU storing the 11 KB outcome as
 * {@code jsonb} (parsing it, then compressing it with pglz; the embedded PostgreSQL has no lz4),
 * against ~80 µs for the same outcome as zlib bytes (3.4 KB), which cost the JVM ~60 µs to
 * deflate at the fastest level (measured on the shared 2-core machine, docs/benchmarks.md
 * "HTTP"). Nothing reads the outcome inside the database; the columns the operators query
 * (window, matters, event, versions) are kept beside it.
 */
final class OutcomeJson {

    /** How every outcome written before it is recorded ends: Outcome's last two components, still empty. */
    private static final byte[] UNRECORDED_TAIL = ",\"decisionId\":null,\"reference\":null}"
            .getBytes(StandardCharsets.UTF_8);

    private OutcomeJson() {
    }

    /**
     * The answer for a recorded outcome, from the JSON written before it was recorded; empty when
     * that JSON does not end as expected (the answer is then written again from the outcome).
     */
    static java.util.Optional<byte[]> recorded(byte[] unrecorded, long id, String reference) {
        int head = unrecorded.length - UNRECORDED_TAIL.length;
        if (head <= 0 || !Arrays.equals(unrecorded, head, unrecorded.length, UNRECORDED_TAIL, 0, UNRECORDED_TAIL.length)) {
            return java.util.Optional.empty();
        }
        byte[] tail = (",\"decisionId\":" + id + ",\"reference\":"
                + (reference == null ? "null" : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(reference)) + "\"")
                + "}").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(unrecorded, head + tail.length);
        System.arraycopy(tail, 0, out, head, tail.length);
        return java.util.Optional.of(out);
    }

    /** zlib (RFC 1950, with its checksum) at the fastest level: JSON shrinks to about a third. */
    static byte[] compress(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 64);
            byte[] buffer = new byte[Math.max(1024, json.length / 2)];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] decompress(byte[] zlib) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream(zlib.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UncheckedIOException(new IOException("a truncated compressed outcome"));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("a corrupt compressed outcome", e));
        } finally {
            inflater.end();
        }
    }
}
