package org.onewindow.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.impl.BaseDMNTypeImpl;
import org.kie.dmn.core.internal.utils.MarshallingStubUtils;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.runtime.functions.DateAndTimeFunction;
import org.kie.dmn.feel.runtime.functions.DateFunction;
import org.kie.dmn.feel.runtime.functions.DurationFunction;
import org.kie.dmn.feel.runtime.functions.FEELFnResult;
import org.kie.dmn.feel.runtime.functions.TimeFunction;
import org.kie.dmn.feel.util.TypeUtil;

/**
 * Shapes a DMN result the way Kogito's generated decision endpoints do, so clients written for
 * Kogito work unchanged: FEEL functions become {@code "function Name( params )"}, ranges their FEEL
 * text, years-months durations {@link java.time.Period}s (Kogito's own marshalling rules), and
 * days-time durations their ISO-8601 text as FEEL writes it ({@code P13DT2H14S}, not seconds).
 * Also reads the inputs as Kogito clients send them: ISO-8601 text for dates, times, date-times
 * (with fractions of a second and offsets) and durations, typed by the model's input data.
 */
public final class KogitoResults {

    private KogitoResults() {
    }

    /** The body of {@code POST /decisions/{model}}: the result context (inputs and decisions). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> context(DMNResult result) {
        return (Map<String, Object>) durations(MarshallingStubUtils.stubDMNResult(result.getContext().getAll(),
                String::valueOf));
    }

    /**
     * The JSON inputs with every ISO-8601 text converted to the FEEL value its input data's type
     * asks for (the engine's own JSON coercion leaves a date-time with a fraction and an offset, or
     * a duration, unconverted, and the decision then sees null). Text that does not parse is left as
     * it is, so the engine's type check reports it.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> inputs(DMNModel model, Map<String, Object> json) {
        Map<String, Object> typed = new LinkedHashMap<>(json);
        for (InputDataNode input : model.getInputs()) {
            if (typed.containsKey(input.getName()) && input.getType() != null) {
                typed.put(input.getName(), typed(typed.get(input.getName()), input.getType(), 0));
            }
        }
        return typed;
    }

    @SuppressWarnings("unchecked")
    private static Object typed(Object value, DMNType type, int depth) {
        if (value == null || depth > 32) {
            return value;
        }
        if (value instanceof List<?> list && type.isCollection()) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(scalarOrComposite(item, type, depth + 1));
            }
            return items;
        }
        return scalarOrComposite(value, type, depth);
    }

    @SuppressWarnings("unchecked")
    private static Object scalarOrComposite(Object value, DMNType type, int depth) {
        if (value instanceof Map<?, ?> map && type.isComposite()) {
            Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) map);
            type.getFields().forEach((name, fieldType) -> {
                if (fields.containsKey(name) && fieldType != null) {
                    fields.put(name, typed(fields.get(name), fieldType, depth + 1));
                }
            });
            return fields;
        }
        if (!(value instanceof String text) || !(type instanceof BaseDMNTypeImpl base)) {
            return value;
        }
        Type feel = builtIn(base);
        FEELFnResult<?> parsed;
        if (feel == BuiltInType.DATE_TIME) {
            parsed = DateAndTimeFunction.INSTANCE.invoke(text);
        } else if (feel == BuiltInType.DATE) {
            parsed = DateFunction.INSTANCE.invoke(text);
        } else if (feel == BuiltInType.TIME) {
            parsed = TimeFunction.INSTANCE.invoke(text);
        } else if (feel == BuiltInType.DURATION) {
            parsed = DurationFunction.INSTANCE.invoke(text);
        } else {
            return value;
        }
        return parsed.isRight() ? parsed.getOrElse(null) : value;
    }

    /** The FEEL built-in type behind a (possibly user-defined, constrained) DMN type. */
    private static Type builtIn(BaseDMNTypeImpl type) {
        DMNType current = type;
        for (int i = 0; i < 16 && current instanceof BaseDMNTypeImpl t; i++) {
            if (t.getFeelType() instanceof BuiltInType) {
                return t.getFeelType();
            }
            current = t.getBaseType();
        }
        return null;
    }

    /** Days-time durations as FEEL's ISO-8601 text, inside maps and lists too. */
    private static Object durations(Object value) {
        if (value instanceof Duration duration) {
            return TypeUtil.formatDuration(duration, false);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, durations(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(durations(v)));
            return copy;
        }
        return value;
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
            d.put("result", durations(MarshallingStubUtils.stubDMNResult(decision.getResult(), String::valueOf)));
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
