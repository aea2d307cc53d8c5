package org.onewindow.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.onewindow.intake.DecisionRecords;
import org.onewindow.staff.Roles;

/**
 * Recorded decisions for audit: each shown with the exact rows (by rule id) of the rule set that
 * made it, and replayed against that rule set's stored files. For the staff who audit decisions
 * (policy, tester, supervisor, admin) — a record holds the applicant's situation.
 */
@Path("/api/decision-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.POLICY, Roles.TESTER, Roles.SUPERVISOR})
public class DecisionRecordResource {

    @Inject
    DecisionRecords records;

    @GET
    @Path("/{id}")
    public DecisionRecords.Shown show(@PathParam("id") long id) {
        return records.show(id).orElseThrow(() -> new NotFoundException("no decision record " + id));
    }

    @GET
    @Path("/{id}/replay")
    public DecisionRecords.Replay replay(@PathParam("id") long id) {
        return records.replay(id).orElseThrow(() -> new NotFoundException("no decision record " + id));
    }
}
