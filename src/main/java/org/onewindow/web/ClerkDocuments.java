package org.onewindow.web;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.CaseworkException;
import org.onewindow.casework.CompletenessCheck;
import org.onewindow.casework.Desk;
import org.onewindow.casework.DeskCalendar;
import org.onewindow.intake.Outcome;
import org.onewindow.platform.QrCodes;
import org.onewindow.staff.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The printed documents of an application — 受理通知书 (receipt), 容缺受理通知书 and 承诺书
 * (tolerance), 一次性告知书 (notice), 出件单 (pickup) — as HTML with print CSS (A4), each with a QR
 * code: the application number, and on the pickup slip the rating page (好差评).
 * The same documents as PDF with the fonts embedded: {@link ClerkDocumentPdfs}.
 */
@Path("/clerk/applications/{id}/documents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN})
public class ClerkDocuments {

    private static final Set<String> KINDS = Set.of("receipt", "tolerance", "notice", "pickup");

    @CheckedTemplate(basePath = "clerk")
    static class Templates {
        static native TemplateInstance document(String kind, String lang, Application app, Outcome outcome,
                CompletenessCheck check, String qr, java.time.LocalDate today);
    }

    @Inject
    ApplicationQueries queries;

    @Inject
    Desk desk;

    @Inject
    DeskCalendar calendar;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @GET
    @Path("{kind}")
    @Operation(hidden = true)
    public Response document(@PathParam("id") long id, @PathParam("kind") String kind,
            @QueryParam("lang") String langParam, @CookieParam(Languages.COOKIE) String langCookie) {
        if (!KINDS.contains(kind)) {
            throw new NotFoundException("no document '" + kind + "'; documents: " + List.copyOf(KINDS));
        }
        Application app;
        try {
            app = queries.get(id, StaffActors.of(identity));
        } catch (CaseworkException e) {
            if (e.status() == 404) {
                throw new NotFoundException(e.getMessage());
            }
            throw new jakarta.ws.rs.ForbiddenException(e.getMessage());
        }
        boolean accepted = app.acceptedOn() != null;
        if ((kind.equals("receipt") || kind.equals("tolerance")) && !accepted
                || kind.equals("pickup") && app.result() == null) {
            throw new NotFoundException("application " + app.number() + " has no " + kind + " yet (" + app.status().code() + ")");
        }
        CompletenessCheck check = kind.equals("notice") ? desk.check(id) : null;
        String lang = Languages.resolve(langParam, langCookie);
        String qr = kind.equals("pickup")
                ? QrCodes.svg(uri.getBaseUri().resolve("/rate?number=" + app.number()).toString(), app.number())
                // every receipt and notice opens the applicant's progress page (全过程查询)
                : QrCodes.svg(uri.getBaseUri().resolve("/progress?number=" + app.number()).toString(), app.number());
        return Response.ok(Templates.document(kind, lang, app, queries.outcome(id, StaffActors.of(identity)), check, qr,
                calendar.today()).setLocale(Languages.locale(lang)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }
}
