package org.onewindow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Well-formed XHTML to PDF (openhtmltopdf on PDFBox), with the fonts embedded so the PDF shows
 * Chinese on any machine. The CJK font must be a TrueType file (a .ttf: Noto CJK is CFF and cannot
 * be embedded): {@code onewindow.pdf.font} names it, or the usual Debian locations are searched
 * (fonts-droid-fallback, fonts-arphic-gbsn00lp). Without one, {@link #render} refuses with a
 * message saying what to install, rather than printing empty boxes.
 */
@ApplicationScoped
public class PdfRenderer {

    /** The family name the templates use for Chinese text. */
    public static final String CJK_FAMILY = "OneWindow CJK";
    /** The family name for Latin text (DejaVu, which Debian ships everywhere), when present. */
    public static final String LATIN_FAMILY = "OneWindow Latin";

    static final List<Path> CJK_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"));
    static final List<Path> LATIN_CANDIDATES = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

    @ConfigProperty(name = "onewindow.pdf.font")
    Optional<String> configuredFont;

    /** Thrown when no embeddable CJK font is installed. */
    public static class FontMissingException extends RuntimeException {
        FontMissingException(String message) {
            super(message);
        }
    }

    /** The CJK font used, or empty when none is installed. */
    public Optional<Path> cjkFont() {
        if (configuredFont.isPresent() && !configuredFont.get().isBlank()) {
            Path p = Path.of(configuredFont.get().strip());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return CJK_CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
    }

    public byte[] render(String xhtml, String baseUri) {
        Path cjk = cjkFont().orElseThrow(() -> new FontMissingException("no TrueType CJK font for PDFs: install "
                + "fonts-droid-fallback (apt-get install fonts-droid-fallback) or set onewindow.pdf.font to a .ttf file"
                + (configuredFont.filter(f -> !f.isBlank()).map(f -> " (configured: " + f + " does not exist)").orElse(""))));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            LATIN_CANDIDATES.stream().filter(Files::isRegularFile).findFirst()
                    .ifPresent(latin -> builder.useFont(latin.toFile(), LATIN_FAMILY));
            builder.useFont(cjk.toFile(), CJK_FAMILY);
            builder.withHtmlContent(xhtml, baseUri);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF", e);
        }
    }
}
