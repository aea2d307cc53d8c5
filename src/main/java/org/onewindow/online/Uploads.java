package org.onewindow.online;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploaded materials: typed by their content ({@link FileTypes}), refused over the size limit,
 * stored in PostgreSQL with their SHA-256 (so they are backed up with the applications they
 * belong to). Named {@code onlineUploads} so the clerk's check-in page lists an application's files.
 */
@ApplicationScoped
@Named("onlineUploads")
public class Uploads {

    private static final String COLUMNS = "id, phone, reference, application_id, material, purpose, file_name, "
            + "content_type, size_bytes, sha256, uploaded_at";
    private static final int MAX_NAME = 200;

    @Inject
    OnlineStore store;

    @Inject
    Clock clock;

    @ConfigProperty(name = "onewindow.online.upload-max-bytes", defaultValue = "5242880")
    int maxBytes;

    /** The largest file taken, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Stores a file after checking its type and size; returns it. */
    public Upload store(String phone, String reference, Long applicationId, String material, String purpose,
            String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new OnlineException(400, "empty file", "choose a file to upload", "file");
        }
        if (content.length > maxBytes) {
            throw new OnlineException(413, "file too large", "a file may be at most " + maxBytes / (1024 * 1024)
                    + " MB", "file");
        }
        String type = FileTypes.of(content).orElseThrow(() -> new OnlineException(415, "file type",
                "only PDF, JPEG and PNG files are taken (judged by their content, not their name)", "file"));
        String name = fileName == null ? null : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name != null && name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        long id = store.one("""
                INSERT INTO online_upload (phone, reference, application_id, material, purpose, file_name, content_type,
                    size_bytes, sha256, content, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, rs -> rs.getLong(1), phone, reference, applicationId, material, purpose, name, type, content.length,
                Hashes.sha256(content), content, OffsetDateTime.now(clock)).orElseThrow();
        return find(id).orElseThrow();
    }

    public Optional<Upload> find(long id) {
        return store.one("SELECT " + COLUMNS + " FROM online_upload WHERE id = ?", Uploads::read, id);
    }

    /** The bytes of a file. */
    public byte[] content(long id) {
        return store.one("SELECT content FROM online_upload WHERE id = ?", rs -> rs.getBytes(1), id)
                .orElseThrow(() -> OnlineException.notFound("no upload " + id));
    }

    /** Files uploaded for a decision before it was submitted. */
    public List<Upload> forDraft(String phone, String reference) {
        return store.list("SELECT " + COLUMNS + " FROM online_upload WHERE phone = ? AND reference = ? "
                + "AND application_id IS NULL ORDER BY id", Uploads::read, phone, reference);
    }

    /** The files of an application, oldest first (the clerk's check-in page shows them). */
    public List<Upload> forApplication(long applicationId) {
        return store.list("SELECT " + COLUMNS + " FROM online_upload WHERE application_id = ? ORDER BY id",
                Uploads::read, applicationId);
    }

    /** The files of an application for one material (the newest last). */
    public List<Upload> forMaterial(long applicationId, String material) {
        return forApplication(applicationId).stream().filter(u -> u.material().equals(material)).toList();
    }

    /** Hands a draft's files to the application made of it. */
    void attach(String phone, String reference, long applicationId) {
        store.exec("UPDATE online_upload SET application_id = ? WHERE phone = ? AND reference = ? AND application_id IS NULL",
                applicationId, phone, reference);
    }

    /** Removes a file not yet submitted. */
    void remove(String phone, long id) {
        store.exec("DELETE FROM online_upload WHERE id = ? AND phone = ? AND application_id IS NULL", id, phone);
    }

    private static Upload read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long app = rs.getLong(4);
        Long applicationId = rs.wasNull() ? null : app;
        return new Upload(rs.getLong(1), rs.getString(2), rs.getString(3), applicationId, rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class));
    }
}
