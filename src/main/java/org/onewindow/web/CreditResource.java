package org.onewindow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.credit.CreditListImport;
import org.onewindow.intake.CreditRegistry;
import org.onewindow.intake.CreditStanding;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The credit registry (HTTP Basic): administrators import 失信 lists; desk staff look a subject up. */
@Path("/api/credit")
@Produces(MediaType.APPLICATION_JSON)
public class CreditResource {

    @Inject
    CreditListImport imports;

    @Inject
    CreditRegistry registry;

    @Inject
    java.time.Clock clock;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a dishonest-subject list: CSV with the header subject,list,from,to,source. The rows "
            + "replace earlier rows of the same sources; a bad row refuses the file (400 naming line and column)")
    public Response importList(byte[] body) {
        return Response.status(201).entity(imports.importCsv(utf8(body), identity.getPrincipal().getName())).build();
    }

    /** The file as UTF-8 whatever the header says: a list saved as GBK is refused, not read as garbage. */
    private static String utf8(byte[] body) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("body", "the file is not UTF-8: save it as \"CSV UTF-8\" and import again");
        }
    }

    @GET
    @Path("/subjects/{id}")
    @RolesAllowed({Roles.CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The registry's standing of one ID number or credit code today: {status, registry, list, "
            + "source, listedFrom, listedTo, checkedOn}")
    public CreditStanding lookup(@PathParam("id") String id) {
        if (id.length() != 18) {
            throw new InvalidInputException("id", "an 18-character ID number or unified social credit code");
        }
        return registry.lookup(id, java.time.LocalDate.now(clock));
    }
}
