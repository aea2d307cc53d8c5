package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.interview.InterviewService;
import org.onewindow.interview.InterviewStep;

import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/interview")
@Produces(MediaType.APPLICATION_JSON)
public class InterviewResource {

    @Inject
    InterviewService interview;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    OnlineSession applicant;

    @POST
    @Operation(summary = "The next guided question, or the result when no answer can change it any more",
            description = "Body as /api/intake/evaluate. Answers {done:false, question:{id,text,options,why,…}, asked, "
                    + "remaining} or {done:true, result}. Only a question whose answer can still change the window, "
                    + "departments, materials or tolerable items is asked.")
    public InterviewStep next(String body) {
        return interview.next(JsonBodies.parse(mapper, body), LibraryAccesses.of(identity, applicant.current()));
    }
}
