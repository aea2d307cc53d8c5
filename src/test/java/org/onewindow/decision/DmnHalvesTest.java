package org.onewindow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.impl.DMNRuntimeImpl;

/**
 * The DMN files compiled in two halves on two threads ({@link DmnHalves}) give the rule set one
 * compiler gives: the same models in the same order, the same tables, and the same answers and
 * messages from KIE for every decision. (LiteralTablesTest and the intake tests run over the
 * halves as well, since they are the default.)
 */
class DmnHalvesTest {

    private static RuleSet single;
    private static RuleSet halves;

    @BeforeAll
    static void compileBothWays() {
        System.setProperty("onewindow.dmn.split", "false");
        try {
            single = new RuleSetCompiler().compile(Path.of("rules"));
        } finally {
            System.clearProperty("onewindow.dmn.split");
        }
        System.setProperty("onewindow.dmn.split", "true"); // whatever the machine's processors
        try {
            halves = new RuleSetCompiler().compile(Path.of("rules"));
        } finally {
            System.clearProperty("onewindow.dmn.split");
        }
    }

    @Test
    void theShippedRulesAreCompiledInHalves() {
        assertFalse(DmnHalves.anyImports(halves.files()));
        assertFalse(((DMNRuntimeImpl) single.runtime()).getRuntimeKB().getClass().getName().contains("DmnHalves"));
        assertTrue(((DMNRuntimeImpl) halves.runtime()).getRuntimeKB().getClass().getName().contains("DmnHalves"));
    }

    @Test
    void sameModelsInTheSameOrderWithTheSameTables() {
        assertEquals(names(single), names(halves));
        assertEquals(single.runtime().getModels().stream().map(DMNModel::getName).toList(),
                halves.runtime().getModels().stream().map(DMNModel::getName).toList());
        assertEquals(new ArrayList<>(single.tables()), new ArrayList<>(halves.tables()));
        assertEquals(single.version().version(), halves.version().version());
        for (DMNModel model : halves.models()) {
            assertEquals(List.of(), model.getMessages(DMNMessage.Severity.ERROR), model.getName());
            DMNModel other = single.model(model.getName()).orElseThrow();
            assertEquals(messages(other), messages(model), model.getName());
            assertEquals(model, halves.runtime().getModel(model.getNamespace(), model.getName()));
            assertEquals(model, halves.runtime().getModelById(model.getNamespace(), model.getDefinitions().getId()));
        }
    }

    @Test
    void kieAnswersEveryDecisionAlikeOnBoth() {
        int compared = 0;
        for (DMNModel model : single.models()) {
            for (Map<String, Object> inputs : List.of(nulls(model), firstLiterals(single, model))) {
                DMNResult a = single.evaluateAll(model.getName(), inputs);
                DMNResult b = halves.evaluateAll(model.getName(), inputs);
                assertEquals(results(a), results(b), model.getName() + " " + inputs);
                assertEquals(a.getMessages().stream().map(DMNMessage::getText).toList(),
                        b.getMessages().stream().map(DMNMessage::getText).toList(), model.getName());
                for (DecisionNode decision : model.getDecisions()) {
                    Evaluation x = single.evaluateWithEngine(model.getName(), decision.getName(), inputs);
                    Evaluation y = halves.evaluateWithEngine(model.getName(), decision.getName(), inputs);
                    assertEquals(x, y);
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared);
    }

    @Test
    void aFileThatImportsAnotherIsNeverSplit() {
        assertTrue(DmnHalves.anyImports(Map.of("a.dmn", ("<definitions><import namespace=\"x\" name=\"b\"/>"
                + "</definitions>").getBytes(StandardCharsets.UTF_8))));
        assertTrue(DmnHalves.anyImports(Map.of("a.dmn", "<dmn:import namespace=\"x\"/>".getBytes(StandardCharsets.UTF_8))));
        assertFalse(DmnHalves.anyImports(Map.of("a.dmn", "<inputData name=\"important\"/>".getBytes(StandardCharsets.UTF_8),
                "b.drl", "import java.util.List;".getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> names(RuleSet rules) {
        return rules.models().stream().map(DMNModel::getName).toList();
    }

    private static List<String> messages(DMNModel model) {
        return model.getMessages().stream().map(m -> m.getSeverity() + " " + m.getText()).toList();
    }

    private static Map<String, Object> results(DMNResult result) {
        Map<String, Object> out = new HashMap<>();
        for (DMNDecisionResult r : result.getDecisionResults()) {
            out.put(r.getDecisionName(), r.getEvaluationStatus() + " " + r.getResult());
        }
        return out;
    }

    private static Map<String, Object> nulls(DMNModel model) {
        Map<String, Object> inputs = new HashMap<>();
        model.getInputs().forEach(i -> inputs.put(i.getName(), null));
        return inputs;
    }

    /** Every top-level input set to the first string literal any table of the model tests it against. */
    private static Map<String, Object> firstLiterals(RuleSet rules, DMNModel model) {
        Map<String, Object> inputs = nulls(model);
        for (DecisionTableInfo table : rules.tables()) {
            if (!table.model().equals(model.getName())) {
                continue;
            }
            for (int c = 0; c < table.inputExpressions().size(); c++) {
                String expression = table.inputExpressions().get(c);
                if (inputs.containsKey(expression) && inputs.get(expression) == null) {
                    for (TableRow row : table.rows()) {
                        String entry = row.inputEntries().get(c);
                        if (entry.startsWith("\"") && entry.endsWith("\"") && entry.length() > 1) {
                            inputs.put(expression, entry.substring(1, entry.length() - 1));
                            break;
                        }
                    }
                }
            }
        }
        return inputs;
    }
}
