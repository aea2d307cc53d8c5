package org.onewindow.guide;

/**
 * Where a guide comes from: a real published guide ({@code source} URL and publisher), or the real
 * guide it was modelled on ({@code modelledOn}, an id in shared/reference/real_guides.json).
 */
public record Provenance(String source, String publisher, String date, String modelledOn, String note) {
}
