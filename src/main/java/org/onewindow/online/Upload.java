package org.onewindow.online;

import java.time.OffsetDateTime;

/** An uploaded material (without its bytes): whose, for what, what it is, its fingerprint. */
public record Upload(long id, String phone, String reference, Long applicationId, String material, String purpose,
        String fileName, String contentType, int size, String sha256, OffsetDateTime uploadedAt) {

    /** Size for people: 12 KB, 1.4 MB. */
    public String sizeText() {
        return size < 1024 * 1024 ? Math.max(1, size / 1024) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }

    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
