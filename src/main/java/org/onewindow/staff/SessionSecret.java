package org.onewindow.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onewindow.platform.DatabaseSettings;

import io.quarkus.runtime.Startup;

/**
 * The server's secret for signing what it hands to browsers (CSRF tokens). In production it comes
 * from configuration ({@code ONEWINDOW_SESSION_KEY}, the same on every node, e.g. a Kubernetes
 * secret). Without one, a key is generated once and kept in {@code <data dir>/session.key},
 * readable by the owner only, so forms survive a restart. The key itself is never logged.
 */
@Singleton
@Startup // made (or read) at start: a missing data folder or a too-short key fails the start, not a form
public class SessionSecret {

    private static final Logger LOG = Logger.getLogger(SessionSecret.class);
    static final int MIN_LENGTH = 32;
    static final String FILE = "session.key";

    @ConfigProperty(name = "onewindow.session.key")
    Optional<String> configured;

    private byte[] key;

    @PostConstruct
    void init() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            if (configured.get().length() < MIN_LENGTH) {
                throw new IllegalStateException("onewindow.session.key (ONEWINDOW_SESSION_KEY) must be at least "
                        + MIN_LENGTH + " characters");
            }
            key = configured.get().getBytes(StandardCharsets.UTF_8);
            return;
        }
        key = persisted(DatabaseSettings.dataDir().resolve(FILE));
    }

    /** The key in the file, created (owner read/write only) with 256 random bits when absent. */
    static byte[] persisted(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, text);
                    LOG.infof("generated a session key in %s (owner-only); set ONEWINDOW_SESSION_KEY on every node of a "
                            + "cluster instead", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another node sharing the folder wrote it first: use theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, text);
                }
            }
            String text = Files.readString(file).strip();
            if (text.length() < MIN_LENGTH / 2) {
                throw new IllegalStateException(file + " holds no usable key: delete it to have a new one made");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the session key in " + file, e);
        }
    }

    /** HMAC-SHA256 of the text under the server key, base64url. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
