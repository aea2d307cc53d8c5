package org.onewindow.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.online.OnlineStore;
import org.onewindow.online.OutboxMessage;
import org.onewindow.online.PhoneNumbers;
import org.onewindow.online.RegisteredIdentities;
import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff side of the online channel: the message outbox (operators pass codes on when no SMS
 * provider is configured) and identity verification at the desk (the clerk saw the ID card of the
 * person holding the phone).
 */
@Path("/api/online")
@Produces(MediaType.APPLICATION_JSON)
public class OnlineOperationsResource {

    @Inject
    OnlineStore store;

    @Inject
    RegisteredIdentities identities;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("outbox")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The message outbox (admin): messages sent by the default gateway, newest first; ?phone= filters")
    public List<OutboxMessage> outbox(@QueryParam("phone") String phone, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 50 : Math.max(1, Math.min(500, limit));
        String p = phone == null || phone.isBlank() ? null : PhoneNumbers.valid(phone, "phone");
        return store.list("SELECT id, phone, purpose, body, created_at FROM message_outbox WHERE (CAST(? AS text) IS NULL OR phone = ?) "
                + "ORDER BY id DESC LIMIT ?", rs -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class)), p, p, n);
    }

    @POST
    @Path("identities")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Verify an applicant's identity for a phone (clerk, after seeing the ID card): {id, phone, name}")
    public Response verify(String body) {
        JsonNode json = JsonBodies.object(mapper, body);
        identities.register(text(json, "id"), text(json, "phone"), text(json, "name"), identity.getPrincipal().getName());
        return Response.status(201).entity(java.util.Map.of("id", text(json, "id").strip().toUpperCase(),
                "phone", PhoneNumbers.masked(PhoneNumbers.valid(text(json, "phone"), "phone")))).build();
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
