package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.micrometer.core.annotation.Timed;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.interview.InterviewService;
import org.onewindow.interview.InterviewStep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/interview")
@Produces(MediaType.APPLICATION_JSON)
public class InterviewResource {

    @Inject
    InterviewService interview;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "onewindow.interview.max-matters", defaultValue = "5")
    int maxMatters;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    OnlineSession applicant;

    @POST
    @Timed(value = "onewindow.evaluation", histogram = true, extraTags = {"endpoint", "interview"})
    @Operation(summary = "The next guided question, or the result when no answer can change it any more",
            description = "Body as /api/intake/evaluate. Answers {done:false, question:{id,text,options,why,…}, asked, "
                    + "remaining} or {done:true, result}. Only a question whose answer can still change the window, "
                    + "departments, materials or tolerable items is asked.")
    public InterviewStep next(String body) {
        JsonNode json = JsonBodies.parse(mapper, body);
        // each matter multiplies the rows the question chooser weighs: cap what one request may cost
        if (json.path("matters").isArray() && json.path("matters").size() > maxMatters) {
            throw new InvalidInputException("matters", "at most " + maxMatters + " matters per interview; "
                    + "ask about the others in a second interview");
        }
        return interview.next(json, LibraryAccesses.of(identity, applicant.current()));
    }
}
