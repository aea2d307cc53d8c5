package org.onewindow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.onewindow.casework.CaseworkException;
import org.onewindow.decision.RulesUnavailableException;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.RecordingRefused;
import org.onewindow.intake.RuleGapException;
import org.onewindow.scenario.ScenarioFileException;
import org.onewindow.search.SearchUnavailableException;

/**
 * Maps failures to the JSON error shape. Whatever a caller sent is answered with a 4xx naming the
 * problem; only our own faults (a rule gap, a bug) answer 5xx, and never with a stack trace.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return json(400, new ApiError("invalid input", e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, ApiError.of("not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unavailable(RulesUnavailableException e) {
        return json(503, ApiError.of("rules unavailable", e.getMessage()));
    }

    /** Refusals since the last warning, and when it was: a burst warns once per 10 s, not once per request. */
    private static final long WARN_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private static final java.util.concurrent.atomic.AtomicLong REFUSED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong WARNED_AT =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /** Not recorded, so not answered: nothing was stored, and the same request may simply be sent again. */
    @ServerExceptionMapper
    public Response recordingRefused(RecordingRefused e) {
        REFUSED.incrementAndGet();
        long now = System.nanoTime();
        long last = WARNED_AT.get();
        if (now - last >= WARN_EVERY_NANOS && WARNED_AT.compareAndSet(last, now)) {
            LOG.warnf("%d decision(s) not taken up for recording since the last warning (%s): %s",
                    REFUSED.getAndSet(0), e.reason().error(), e.getMessage());
        }
        return json(503, ApiError.of(e.reason().error(), e.getMessage()), e.reason().retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response scenarioFile(ScenarioFileException e) {
        return json(422, ApiError.of("scenario file", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response searchUnavailable(SearchUnavailableException e) {
        return json(503, ApiError.of("search unavailable", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response casework(CaseworkException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.getMessage());
        body.put("field", e.field());
        body.putAll(e.extra());
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response policy(org.onewindow.policy.PolicyException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.getMessage());
        body.putAll(e.extra());
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response csrf(CsrfTokens.CsrfException e) {
        return json(403, ApiError.of("csrf", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return json(403, ApiError.of("forbidden", "your role does not allow this"));
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return Response.status(401).type(MediaType.APPLICATION_JSON).header("WWW-Authenticate", "Basic realm=\"OneWindow\"")
                .entity(ApiError.of("unauthorized", "log in: HTTP Basic with a staff account")).build();
    }

    @ServerExceptionMapper
    public Response ruleGap(RuleGapException e) {
        LOG.error("rule gap: " + e.getMessage());
        return json(500, ApiError.of("rule gap", e.getMessage()));
    }

    /**
     * A table failed while deciding: the intake fails closed, naming the model, decision and
     * element, never passing the failure off as "no row applies". A fault of the rules (the
     * quality gate and the scenarios are there to catch it before publishing), hence a 5xx.
     */
    @ServerExceptionMapper
    public Response ruleEvaluation(org.onewindow.decision.RuleEvaluationException e) {
        LOG.error(e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rule evaluation failed");
        body.put("detail", e.getMessage());
        body.put("model", e.model());
        body.put("decision", e.decision());
        body.put("errors", e.errors());
        return Response.status(500).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(status, ApiError.of(Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            // PostgreSQL restarting or out of reach: nothing was done, the caller may simply retry
            LOG.warn("database unavailable: " + DatabaseOutage.reason(e));
            return json(503, ApiError.of("database unavailable", "the database cannot be reached right now; try again in "
                    + "a few seconds, with the same Idempotency-Key where the call takes one"), 5);
        }
        LOG.error("unexpected failure", e);
        return json(500, ApiError.of("internal error", "an unexpected error occurred; it has been logged"));
    }

    /** A failure that is no exception (a stack overflow, say): still JSON, still no stack trace. */
    @ServerExceptionMapper
    public Response error(Error e) {
        LOG.error("unexpected failure", e);
        return json(500, ApiError.of("internal error", "an unexpected error occurred; it has been logged"));
    }

    static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    /** The same, for a refusal the caller may simply send again after {@code retryAfterSeconds}. */
    static Response json(int status, ApiError error, long retryAfterSeconds) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", Long.toString(retryAfterSeconds)).entity(error).build();
    }
}
