package org.onewindow.web;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

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
import org.onewindow.intake.DecisionLog;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.LibraryAccess;
import org.onewindow.intake.Outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.infrastructure.Infrastructure;

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
    io.vertx.ext.web.RoutingContext routing;

    @Inject
    org.onewindow.online.ApplicantSessions sessions;

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
    public CompletionStage<byte[]> evaluate(@RequestBody(description = "the applicant's situation") String body) {
        // on the event loop: a repeated situation is answered from the memo without a worker thread;
        // anything that may wait (a registry or library look-up, a signed-in applicant, deciding)
        // goes to a worker. Either way the answer is sent only once its record is committed.
        JsonNode situation = JsonBodies.parse(mapper, body);
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Executor answering = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        boolean staff = LibraryAccesses.staff(identity);
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(OnlineSession.COOKIE);
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        if (cookie == null) {
            Optional<DecisionLog.Prepared> ready = intake.prepareWithoutWaiting(situation,
                    LibraryAccesses.of(staff, Optional.empty()));
            if (ready.isPresent()) {
                answerWith(intake.recordLater(ready.get(), answering), answer);
                return answer;
            }
        }
        String token = cookie == null ? null : cookie.getValue();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                // the applicant's session, as OnlineSession reads it (a database look-up)
                LibraryAccess access = LibraryAccesses.of(staff, token == null ? Optional.empty() : sessions.find(token));
                // the JSON the record stores, with its id and reference: the outcome is serialised once
                answerWith(intake.recordLater(intake.prepare(situation, access), answering), answer);
            } catch (RuntimeException | Error e) { // an answer that never completes would hang the request
                answering.execute(() -> answer.completeExceptionally(e));
            }
        });
        return answer;
    }

    /** Completes {@code answer} with the recorded decision's JSON, or with the failure itself (mapped as thrown). */
    private static void answerWith(CompletionStage<DecisionLog.Answer> recorded, CompletableFuture<byte[]> answer) {
        recorded.whenComplete((a, failure) -> {
            if (failure == null) {
                answer.complete(a.json());
            } else {
                answer.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
    }
}
