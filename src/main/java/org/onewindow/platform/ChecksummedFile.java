package org.onewindow.platform;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One entry of a start-up cache on disk (the compiled rules, the knowledge base): the SHA-256 of
 * the payload, then the payload. Written beside and moved into place, so no reader sees half a
 * file; read back only when the checksum matches, so a damaged entry is never used. A cache keeps
 * its most recently used entries ({@link #used}, {@link #keepNewest}): every published rule-set or
 * knowledge-base change would otherwise leave one more file behind for good.
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

    /**
     * Marks {@code file} as just used (its modification time), so that {@link #keepNewest} keeps an
     * entry that is read at every start although it was written long ago. A file system that does
     * not allow it only makes the entry look older.
     */
    public static void used(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // an older-looking entry is pruned sooner and rebuilt when next needed, nothing else
        }
    }

    /**
     * Deletes all but the {@code keep} most recently written or used entries of {@code folder} whose
     * file names {@code entry} accepts, counting {@code current} (just written or read) among those
     * kept whatever its time. Half-written {@code ….part} files are never entries. Best effort:
     * an entry that cannot be deleted stays, and is tried again next time.
     */
    public static void keepNewest(Path folder, Predicate<String> entry, Path current, int keep) {
        List<Path> older;
        try (Stream<Path> list = Files.list(folder)) {
            older = list.filter(p -> entry.test(p.getFileName().toString()) && !p.equals(current))
                    .sorted(Comparator.comparing(ChecksummedFile::modified).reversed())
                    .toList();
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path old : older.subList(Math.min(older.size(), Math.max(0, keep - 1)), older.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                // kept until the next write prunes again
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
