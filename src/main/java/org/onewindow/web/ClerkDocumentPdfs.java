package org.onewindow.web;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.CaseworkException;
import org.onewindow.casework.Desk;
import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The desk's documents as PDF: /clerk/applications/{id}/pdf/{receipt|tolerance|notice|pickup}. */
@Path("/clerk/applications/{id}/pdf")
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN})
public class ClerkDocumentPdfs {

    @Inject
    ApplicationQueries queries;

    @Inject
    Desk desk;

    @Inject
    DocumentPdfs pdfs;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @GET
    @Path("{kind}")
    @Produces({"application/pdf", "application/json"})
    @Operation(hidden = true)
    public Response document(@PathParam("id") long id, @PathParam("kind") String kind,
            @QueryParam("lang") String langParam, @CookieParam(Languages.COOKIE) String langCookie) {
        Application app;
        try {
            app = queries.get(id, StaffActors.of(identity));
        } catch (CaseworkException e) {
            if (e.status() == 404) {
                throw new NotFoundException(e.getMessage());
            }
            throw new jakarta.ws.rs.ForbiddenException(e.getMessage());
        }
        DocumentPdfs.requireAvailable(app, kind);
        return pdfs.pdf(app, kind, Languages.resolve(langParam, langCookie), kind.equals("notice") ? desk.check(id) : null,
                uri.getBaseUri());
    }
}
