package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.micrometer.core.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.Outcome;

import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/intake")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    @Inject
    IntakeService intake;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    OnlineSession applicant;

    @POST
    @Path("/evaluate")
    @Timed(value = "onewindow.evaluation", histogram = true, extraTags = {"endpoint", "intake"})
    @Operation(summary = "Decide window, departments, materials and tolerable items for a situation",
            description = "Body: {matters: [code...] | event: code, answers: {questionId: value}, "
                    + "applicant: {type: person|enterprise, id, creditStatus: good|bad|unknown}, asOf: YYYY-MM-DD}. "
                    + "Every decision is recorded for audit. Materials are marked fromLibrary only for staff, or for a "
                    + "signed-in applicant about their own verified identity; anonymous answers never show the library.")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8") // as Jackson's writer answered it, now the bytes are ours
    @APIResponse(responseCode = "200", description = "the recorded decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Outcome.class)))
    public byte[] evaluate(@RequestBody(description = "the applicant's situation") String body) {
        // the JSON the record stores, with its id and reference: the outcome is serialised once
        return intake.evaluateAnswer(JsonBodies.parse(mapper, body), LibraryAccesses.of(identity, applicant.current()))
                .json();
    }
}
