package org.onewindow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.CaseworkException;
import org.onewindow.online.Upload;
import org.onewindow.online.Uploads;
import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * An uploaded material, shown to staff on screen while they check an online application: served
 * with the type judged from its content, inline, never sniffed by the browser as anything else.
 * A reviewer sees only their department's applications' files.
 */
@Path("/clerk/uploads")
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN})
public class ClerkUploads {

    @Inject
    Uploads uploads;

    @Inject
    ApplicationQueries queries;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response file(@PathParam("id") long id) {
        Upload upload = uploads.find(id).filter(u -> u.applicationId() != null)
                .orElseThrow(() -> new NotFoundException("no upload " + id));
        try {
            queries.get(upload.applicationId(), StaffActors.of(identity));
        } catch (CaseworkException e) {
            throw new jakarta.ws.rs.ForbiddenException(e.getMessage());
        }
        return Response.ok(uploads.content(id)).type(upload.contentType())
                .header("Content-Disposition", "inline; filename=\"upload-" + id + extension(upload.contentType()) + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                .header("X-SHA-256", upload.sha256()).build();
    }

    private static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }
}
