package org.onewindow.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.core.internal.utils.MarshallingStubUtils;

/**
 * Shapes a DMN result the way Kogito's generated decision endpoints do, so clients written for
 * Kogito work unchanged: FEEL functions become {@code "function Name( params )"}, ranges their FEEL
 * text, years-months durations {@link java.time.Period}s (Kogito's own marshalling rules).
 */
public final class KogitoResults {

    private KogitoResults() {
    }

    /** The body of {@code POST /decisions/{model}}: the result context (inputs and decisions). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> context(DMNResult result) {
        return (Map<String, Object>) MarshallingStubUtils.stubDMNResult(result.getContext().getAll(), String::valueOf);
    }

    /** The body of {@code POST /decisions/{model}/dmnresult}. */
    public static Map<String, Object> dmnResult(DMNModel model, DMNResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace", model.getNamespace());
        body.put("modelName", model.getName());
        body.put("dmnContext", context(result));
        body.put("messages", messages(result.getMessages()));
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("decisionId", decision.getDecisionId());
            d.put("decisionName", decision.getDecisionName());
            d.put("result", MarshallingStubUtils.stubDMNResult(decision.getResult(), String::valueOf));
            d.put("messages", messages(decision.getMessages()));
            d.put("evaluationStatus", decision.getEvaluationStatus().name());
            decisions.add(d);
        }
        body.put("decisionResults", decisions);
        return body;
    }

    private static List<Map<String, Object>> messages(List<DMNMessage> messages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DMNMessage m : messages) {
            Map<String, Object> msg = new LinkedHashMap<>();
            String severity = switch (m.getSeverity()) {
                case ERROR -> "ERROR";
                case WARN -> "WARN";
                default -> "INFO";
            };
            msg.put("severity", severity);
            msg.put("message", m.getMessage());
            msg.put("messageType", m.getMessageType() == null ? null : m.getMessageType().name());
            msg.put("sourceId", m.getSourceId());
            msg.put("level", severity.equals("WARN") ? "WARNING" : severity);
            list.add(msg);
        }
        return list;
    }

    /** GET /decisions: what a model takes and decides. */
    public static Map<String, Object> describe(DMNModel model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", model.getName());
        body.put("namespace", model.getNamespace());
        body.put("file", model.getResource() == null ? null : model.getResource().getSourcePath());
        body.put("inputs", model.getInputs().stream().map(i -> Map.of("name", i.getName(),
                "type", i.getType() == null ? "Any" : i.getType().getName())).toList());
        body.put("decisions", model.getDecisions().stream().map(d -> Map.of("id", d.getId(), "name", d.getName(),
                "type", d.getResultType() == null ? "Any" : d.getResultType().getName())).toList());
        return body;
    }
}
