package org.onewindow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SHA-256 of this application's code (the jar's bytes, or every class file of a classes folder)
 * and the Java version: part of the key of every cache of what is derived from content, so that a
 * new build of the application never reads what an older one derived (a changed analyser, a
 * changed fact class). Computed once per JVM; empty when the code cannot be read, and then there
 * is no cache.
 */
public final class CodeIdentity {

    private static final Optional<String> ID = Optional.ofNullable(identify());

    private CodeIdentity() {
    }

    public static Optional<String> get() {
        return ID;
    }

    /** The jar or folder a class was loaded from, if it is a file. */
    public static Optional<Path> location(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String identify() {
        try {
            Path app = location(CodeIdentity.class).orElse(null);
            if (app == null) {
                return null;
            }
            MessageDigest digest = sha256();
            if (Files.isRegularFile(app)) {
                try (InputStream in = Files.newInputStream(app)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0;) {
                        digest.update(buffer, 0, n);
                    }
                }
            } else if (Files.isDirectory(app)) {
                List<Path> classes;
                try (Stream<Path> files = Files.walk(app)) {
                    classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path c : classes) {
                    digest.update(app.relativize(c).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(c));
                }
            } else {
                return null;
            }
            digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
