package org.onewindow.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.BusinessKnowledgeModelNode;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.FunctionDefinition;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;

/** Reads the decision tables of compiled DMN models into {@link DecisionTableInfo}s. */
final class DecisionTableIndexer {

    private static final Pattern QUESTION_COLUMN = Pattern.compile("\\s*Answers\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");

    private DecisionTableIndexer() {
    }

    /** Tables keyed by {@code model + "/" + tableId}, the key the trace listener reports. */
    static Map<String, DecisionTableInfo> index(List<DMNModel> models) {
        Map<String, DecisionTableInfo> tables = new LinkedHashMap<>();
        for (DMNModel model : models) {
            for (DecisionNode decision : model.getDecisions()) {
                add(tables, model.getName(), decision.getName(), decision.getDecision().getExpression());
            }
            for (BusinessKnowledgeModelNode bkm : model.getBusinessKnowledgeModels()) {
                FunctionDefinition logic = bkm.getBusinessKnowledModel().getEncapsulatedLogic();
                if (logic != null) {
                    add(tables, model.getName(), bkm.getName(), logic.getExpression());
                }
            }
        }
        return tables;
    }

    private static void add(Map<String, DecisionTableInfo> tables, String model, String decision, Expression expr) {
        if (!(expr instanceof DecisionTable table)) {
            return;
        }
        List<String> labels = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (InputClause input : table.getInput()) {
            String text = input.getInputExpression() == null ? null : input.getInputExpression().getText();
            expressions.add(text);
            labels.add(input.getLabel() != null ? input.getLabel() : text);
            Matcher m = text == null ? null : QUESTION_COLUMN.matcher(text);
            questions.add(m != null && m.matches() ? m.group(1) : null);
        }
        List<String> outputs = table.getOutput().stream().map(OutputClause::getName).toList();
        List<String> outputLabels = table.getOutput().stream()
                .map(o -> o.getLabel() != null ? o.getLabel() : o.getName()).toList();
        List<String> annotationNames = table.getAnnotation().stream().map(a -> a.getName()).toList();
        List<TableRow> rows = new ArrayList<>();
        Map<String, TableRow> byId = new LinkedHashMap<>();
        for (int i = 0; i < table.getRule().size(); i++) {
            TableRow row = row(i + 1, table.getRule().get(i), annotationNames, questions);
            rows.add(row);
            byId.put(row.id(), row);
        }
        tables.put(model + "/" + table.getId(), new DecisionTableInfo(model, decision, table.getId(),
                table.getHitPolicy().name(), labels, expressions, java.util.Collections.unmodifiableList(questions),
                outputs, outputLabels, List.copyOf(rows), java.util.Collections.unmodifiableMap(byId)));
    }

    private static TableRow row(int index, DecisionRule rule, List<String> annotationNames, List<String> columns) {
        List<String> inputs = rule.getInputEntry().stream().map(UnaryTests::getText)
                .map(t -> t == null ? "-" : t.trim()).toList();
        List<String> outputs = rule.getOutputEntry().stream().map(LiteralExpression::getText)
                .map(t -> t == null ? "" : t.trim()).toList();
        Map<String, String> annotations = new LinkedHashMap<>();
        for (int a = 0; a < annotationNames.size() && a < rule.getAnnotationEntry().size(); a++) {
            String text = rule.getAnnotationEntry().get(a).getText();
            if (text != null && !text.isBlank()) {
                annotations.put(annotationNames.get(a), text.trim());
            }
        }
        List<String> feel = new ArrayList<>(inputs);
        feel.addAll(outputs);
        Set<String> questions = new LinkedHashSet<>(Answers.referencedIn(feel));
        for (int c = 0; c < columns.size() && c < inputs.size(); c++) {
            String entry = inputs.get(c);
            if (columns.get(c) != null && !entry.isEmpty() && !entry.equals("-")) {
                questions.add(columns.get(c));
            }
        }
        return new TableRow(index, rule.getId(), inputs, outputs, Map.copyOf(annotations),
                java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(questions)));
    }
}
