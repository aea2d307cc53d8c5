package org.onewindow.guide;

/**
 * A real published service guide that guides may cite by {@code id} ({@code reference-guides.yaml};
 * the full records are in docs/reference/real-guides.json).
 */
public record ReferenceGuide(String id, String matter, String url, String publisher, String date) implements java.io.Serializable {
}
