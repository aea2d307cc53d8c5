package org.onewindow.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.IntakeCalls;
import org.onewindow.intake.Situation;

/**
 * What the peers benchmark compares: the cases (two intake situations on the shipped rules, three
 * synthetic tables), each as the list of DMN evaluations it needs, and the engines that replay
 * them — raw kie-dmn-core and Camunda DMN 7.24 in its default (feel-scala) and legacy (JUEL) modes.
 */
final class Peers {

    static final Path RULES = Path.of("rules");
    static final Path KNOWLEDGE_BASE = Path.of("knowledge-base");

    static final String SINGLE_MATTER = "single-matter";
    static final String LIFE_EVENT = "life-event";

    /** One DMN evaluation by model and decision name. */
    record Call(String model, String decision, Map<String, Object> inputs) {
    }

    /** A case: the DMN files it reads (relative path → bytes), and its evaluations with OneWindow's results. */
    record Workload(String name, Map<String, byte[]> files, List<Call> calls, List<Object> expected) {
    }

    /** An engine replaying a workload's calls. */
    interface Engine {
        Object evaluate(Call call);
    }

    private Peers() {
    }

    // --- the cases ---------------------------------------------------------------------------

    static Situation situation(String caseName) {
        Applicant enterprise = new Applicant("enterprise", "91350100M000100Y43", "good");
        return switch (caseName) {
            case SINGLE_MATTER -> new Situation(List.of("food-business-licence"), null,
                    Map.of("agent", false, "vendingMachineOnly", false), enterprise, null);
            case LIFE_EVENT -> new Situation(List.of(), "open-restaurant", Map.of("businessForm", "company",
                    "hasSignboard", true, "publicGathering", true, "agent", false, "premisesOwnership", "rented"),
                    enterprise, null);
            default -> throw new IllegalArgumentException(caseName);
        };
    }

    static boolean isIntake(String caseName) {
        return caseName.equals(SINGLE_MATTER) || caseName.equals(LIFE_EVENT);
    }

    static Catalogue catalogue() {
        return new KnowledgeBaseLoader().load(KNOWLEDGE_BASE);
    }

    /** The shipped DMN files and the manifest (no DRL: the peers have nothing to run it on). */
    static Map<String, byte[]> shippedDmn() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(RULES)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                String rel = RULES.relativize(p).toString().replace('\\', '/');
                if ((rel.endsWith(".dmn") && !rel.startsWith("scenarios/")) || rel.equals(RuleSetCompiler.MANIFEST)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /**
     * An intake case: OneWindow's own evaluations of the situation, recorded through its real
     * matter rules, with only the DMN files those evaluations read.
     */
    static Workload intake(String caseName, Catalogue catalogue) {
        Map<String, byte[]> all = shippedDmn();
        RuleSet rules = new RuleSetCompiler().compile(all);
        List<IntakeCalls.Call> recorded = IntakeCalls.of(catalogue, rules, situation(caseName));
        Map<String, String> fileOfModel = new HashMap<>();
        all.forEach((path, bytes) -> {
            if (path.endsWith(".dmn")) {
                fileOfModel.put(modelName(bytes), path);
            }
        });
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Call> calls = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (IntakeCalls.Call c : recorded) {
            String file = fileOfModel.get(c.model());
            files.put(file, all.get(file));
            calls.add(new Call(c.model(), c.decision(), c.inputs()));
            expected.add(c.result());
        }
        return new Workload(caseName, files, calls, expected);
    }

    static Workload synthetic(SyntheticTables.Table table) {
        Map<String, byte[]> files = Map.of(table.file(), table.xml().getBytes(StandardCharsets.UTF_8));
        return new Workload(table.caseName(), files, List.of(new Call(table.model(), table.decision(), table.inputs())),
                null);
    }

    static Workload workload(String caseName, Catalogue catalogue) {
        if (isIntake(caseName)) {
            return intake(caseName, catalogue);
        }
        return synthetic(SyntheticTables.all().stream().filter(t -> t.caseName().equals(caseName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(caseName)));
    }

    /** The synthetic tables as a rule set OneWindow compiles (with a manifest, as every rule set has). */
    static Map<String, byte[]> withManifest(Map<String, byte[]> dmn) {
        Map<String, byte[]> files = new LinkedHashMap<>(dmn);
        files.put(RuleSetCompiler.MANIFEST, "name: synthetic\neffectiveFrom: 2026-01-01\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static final Pattern DEFINITIONS_NAME = Pattern.compile("<definitions[^>]*\\sname=\"([^\"]+)\"");

    static String modelName(byte[] dmn) {
        Matcher m = DEFINITIONS_NAME.matcher(new String(dmn, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalArgumentException("no definitions name");
        }
        return m.group(1);
    }

    // --- raw KIE -----------------------------------------------------------------------------

    /** kie-dmn-core used directly: the library defaults, no listener, no OneWindow code. */
    static final class Kie implements Engine {
        private final DMNRuntime runtime;
        private final Map<String, DMNModel> models = new HashMap<>();

        Kie(Map<String, byte[]> files) {
            List<Resource> resources = new ArrayList<>();
            files.forEach((path, bytes) -> {
                if (path.endsWith(".dmn")) {
                    Resource r = ResourceFactory.newByteArrayResource(bytes);
                    r.setSourcePath(path);
                    resources.add(r);
                }
            });
            runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(resources)
                    .getOrElseThrow(e -> new IllegalStateException(e));
            runtime.getModels().forEach(m -> models.put(m.getName(), m));
        }

        @Override
        public Object evaluate(Call call) {
            DMNContext ctx = runtime.newContext();
            call.inputs().forEach(ctx::set);
            DMNResult result = runtime.evaluateByName(models.get(call.model()), ctx, call.decision());
            if (result.hasErrors()) {
                throw new IllegalStateException(call + ": " + result.getMessages(DMNMessage.Severity.ERROR));
            }
            return result.getDecisionResultByName(call.decision()).getResult();
        }
    }

    // --- Camunda -----------------------------------------------------------------------------

    /** Camunda DMN 7.24: default FEEL (feel-scala) on the shipped files, or legacy mode on converted copies. */
    static final class Camunda implements Engine {
        private final DmnEngine engine;
        private final Map<String, DmnDecision> decisions = new HashMap<>();

        Camunda(Map<String, byte[]> files, boolean legacy) {
            DefaultDmnEngineConfiguration config = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                    .createDefaultDmnEngineConfiguration();
            if (legacy) {
                config.enableFeelLegacyBehavior(true);
            }
            engine = config.buildEngine();
            files.forEach((path, bytes) -> {
                if (!path.endsWith(".dmn")) {
                    return;
                }
                String xml = new String(bytes, StandardCharsets.UTF_8);
                if (legacy) {
                    xml = LegacyDmn.convert(xml);
                }
                String model = modelName(bytes);
                for (DmnDecision d : engine.parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
                    decisions.put(model + "/" + d.getName(), d);
                }
            });
        }

        @Override
        public Object evaluate(Call call) {
            DmnDecision decision = decisions.get(call.model() + "/" + call.decision());
            if (decision == null) {
                throw new IllegalArgumentException("no decision " + call.model() + "/" + call.decision());
            }
            return engine.evaluateDecision(decision, call.inputs()).getResultList();
        }
    }

    // --- comparing results -------------------------------------------------------------------

    /**
     * A result in one shape for all engines: the list of hits, each hit its single output value or
     * a map of its non-null outputs, numbers as plain decimals. KIE answers a single-hit table
     * with the value itself and COLLECT with a list; Camunda always with a list of output maps.
     */
    static List<Object> normalise(Object result, boolean camunda) {
        List<Object> hits = new ArrayList<>();
        if (camunda) {
            for (Object entry : (Collection<?>) result) {
                Map<?, ?> outputs = (Map<?, ?>) entry;
                hits.add(outputs.size() == 1 ? value(outputs.values().iterator().next()) : value(outputs));
            }
            return hits;
        }
        if (result == null) {
            return hits;
        }
        if (result instanceof Collection<?> c) {
            c.forEach(v -> hits.add(value(v)));
        } else {
            hits.add(value(result));
        }
        return hits;
    }

    private static Object value(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    out.put(String.valueOf(k), value(x));
                }
            });
            return out;
        }
        return v;
    }
}
