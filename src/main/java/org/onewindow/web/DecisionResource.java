package org.onewindow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.micrometer.core.annotation.Timed;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.onewindow.decision.KogitoResults;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.intake.DecisionMetrics;
import org.onewindow.intake.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kogito-compatible decision endpoints for every DMN model in the rules folder — intake models
 * and any other model a user drops there. Evaluation errors are the caller's (422), not ours.
 */
@Path("/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    RuleSetRegistry registry;

    @Inject
    ObjectMapper mapper;

    @Inject
    DecisionMetrics metrics;

    @GET
    @Operation(summary = "The served DMN models with their inputs and decisions")
    public Map<String, Object> models() {
        RuleSet rules = registry.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ruleSet", rules.version());
        body.put("models", rules.models().stream().map(KogitoResults::describe)
                .sorted((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name")))).toList());
        return body;
    }

    @POST
    @Path("/{modelName}")
    @Timed(value = "onewindow.evaluation", histogram = true, extraTags = {"endpoint", "decisions"})
    @Operation(summary = "Evaluate all decisions of a model (Kogito POST /{model} shape)",
            description = "Answers the result context; 422 with the dmnresult body when evaluation reports errors")
    public Response evaluate(@PathParam("modelName") String modelName, String body) {
        RuleSet rules = registry.current();
        DMNModel model = model(rules, modelName);
        DMNResult result = rules.evaluateAll(model.getName(), KogitoResults.inputs(model, inputs(body)));
        metrics.count(model.getName(), rules.version().version(), "none");
        if (result.hasErrors()) {
            return Response.status(422).entity(KogitoResults.dmnResult(model, result)).build();
        }
        return Response.ok(KogitoResults.context(result)).build();
    }

    @POST
    @Path("/{modelName}/dmnresult")
    @Timed(value = "onewindow.evaluation", histogram = true, extraTags = {"endpoint", "dmnresult"})
    @Operation(summary = "Evaluate all decisions of a model and answer the full DMN result (Kogito shape)")
    public Map<String, Object> dmnResult(@PathParam("modelName") String modelName, String body) {
        RuleSet rules = registry.current();
        DMNModel model = model(rules, modelName);
        DMNResult result = rules.evaluateAll(model.getName(), KogitoResults.inputs(model, inputs(body)));
        metrics.count(model.getName(), rules.version().version(), "none");
        return KogitoResults.dmnResult(model, result);
    }

    private static DMNModel model(RuleSet rules, String name) {
        return rules.model(name).orElseThrow(() -> new NotFoundException("no DMN model named '" + name
                + "'; served models: " + rules.models().stream().map(DMNModel::getName).sorted().toList()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inputs(String body) {
        JsonNode json = JsonBodies.parse(mapper, body);
        if (!json.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object of the model's input data");
        }
        return mapper.convertValue(json, Map.class);
    }

}
