package org.onewindow.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.onewindow.casework.Application;
import org.onewindow.casework.CompletenessCheck;
import org.onewindow.casework.DeskCalendar;
import org.onewindow.platform.PdfRenderer;
import org.onewindow.platform.QrCodes;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The printed documents of an application as PDF with the CJK font embedded — 受理通知书 (receipt),
 * 容缺受理通知书 and 承诺书 (tolerance), 一次性告知书 (notice), 办结出件单 (pickup) — for the desk and
 * for the applicant online. The same words as the print-CSS pages; the QR code opens the progress
 * page (the rating page on the pickup slip).
 */
@ApplicationScoped
public class DocumentPdfs {

    static final Set<String> KINDS = Set.of("receipt", "tolerance", "notice", "pickup");

    @CheckedTemplate(basePath = "pdf")
    static class Templates {
        static native TemplateInstance document(String kind, String lang, Application app, List<String> matterNames,
                CompletenessCheck check, String qr, LocalDate today);
    }

    @Inject
    PdfRenderer renderer;

    @Inject
    DeskCalendar calendar;

    /** Whether the application has the document yet (a receipt once accepted, a pickup slip once decided). */
    static void requireAvailable(Application app, String kind) {
        if (!KINDS.contains(kind)) {
            throw new NotFoundException("no document '" + kind + "'; documents: " + List.copyOf(KINDS));
        }
        boolean accepted = app.acceptedOn() != null;
        if ((kind.equals("receipt") || kind.equals("tolerance")) && !accepted || kind.equals("pickup") && app.result() == null
                || kind.equals("notice") && accepted) {
            throw new NotFoundException("application " + app.number() + " has no " + kind + " (" + app.status().code() + ")");
        }
    }

    Response pdf(Application app, String kind, String lang, CompletenessCheck check, java.net.URI base) {
        requireAvailable(app, kind);
        String target = kind.equals("pickup") ? "/rate?number=" + app.number() : "/progress?number=" + app.number();
        String xhtml = Templates.document(kind, "en".equals(lang) ? "en" : "zh", app, app.matterNames(), check,
                QrCodes.pngDataUri(base.resolve(target).toString(), 4), calendar.today())
                .setLocale(Languages.locale(lang)).render();
        byte[] bytes = renderer.render(xhtml, base.toString());
        return Response.ok(bytes).type(new MediaType("application", "pdf"))
                .header("Content-Disposition", "inline; filename=\"" + app.number() + "-" + kind + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }
}
