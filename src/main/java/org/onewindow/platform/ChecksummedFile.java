package org.onewindow.platform;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One entry of a start-up cache on disk (the compiled rules, the knowledge base): the SHA-256 of
 * the payload, then the payload. Written beside and moved into place, so no reader sees half a
 * file; read back only when the checksum matches, so a damaged entry is never used.
 */
public final class ChecksummedFile {

    private static final int CHECKSUM = 32;

    /** An entry that is there but cannot be used; the message says why. */
    public static final class Damaged extends Exception {
        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }

    private ChecksummedFile() {
    }

    /**
     * The payload stored in {@code file}; null when there is no such file.
     *
     * @throws Damaged when the file is cut short or its checksum does not match
     * @throws IOException when it cannot be read
     */
    public static byte[] read(Path file) throws IOException, Damaged {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (stored.length <= CHECKSUM) {
            throw new Damaged("truncated");
        }
        byte[] payload = Arrays.copyOfRange(stored, CHECKSUM, stored.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(stored, CHECKSUM), CodeIdentity.sha256().digest(payload))) {
            throw new Damaged("checksum does not match");
        }
        return payload;
    }

    /**
     * Stores {@code payload} as {@code file}, its folder created when missing: written to a
     * temporary file named {@code prefix}….part beside it, then moved into place.
     */
    public static void write(Path file, String prefix, byte[] payload) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, prefix, ".part");
        try {
            byte[] stored = new byte[CHECKSUM + payload.length];
            System.arraycopy(CodeIdentity.sha256().digest(payload), 0, stored, 0, CHECKSUM);
            System.arraycopy(payload, 0, stored, CHECKSUM, payload.length);
            Files.write(part, stored);
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
