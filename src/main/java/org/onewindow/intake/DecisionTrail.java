package org.onewindow.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.FiredRow;
import org.onewindow.decision.LiveRows;
import org.onewindow.decision.TableRow;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Matter;

/** Collects explanations and unanswered questions while the tables of one intake are consulted. */
final class DecisionTrail {

    private final Catalogue catalogue;
    private final QuestionDomains domains;
    private final List<Explanation> explanations = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();

    DecisionTrail(Catalogue catalogue, QuestionDomains domains) {
        this.catalogue = catalogue;
        this.domains = domains;
    }

    void fired(List<FiredRow> rows, Matter matter, String fallbackBasis) {
        fired(rows, matter, null, fallbackBasis);
    }

    void fired(List<FiredRow> rows, Matter matter, String material, String fallbackBasis) {
        for (FiredRow row : rows) {
            String matterCode = matter == null ? null : matter.code();
            if (!seen.add(row.reference() + "|" + matterCode + "|" + material)) {
                continue; // a bundle rule that fired for every material is one reason, not many
            }
            String basis = row.basis() != null ? row.basis()
                    : fallbackBasis != null ? fallbackBasis : matter == null ? null : matter.primaryBasis();
            explanations.add(new Explanation(row.model() + "/" + row.decision(), row.reference(), matterCode,
                    material, row.reason(), row.reasonEn(), basis));
        }
    }

    /** A conclusion no row states but the table implies (a material no live row requires). */
    void derived(DecisionTableInfo table, Matter matter, String material, String reason, String reasonEn,
            String basis) {
        explanations.add(new Explanation(table.model() + "/" + table.decision(), table.model() + "#" + table.tableId(),
                matter.code(), material, reason, reasonEn, basis));
    }

    /**
     * Rows that can still fire but read an answer not given yet: their unanswered questions are
     * pending, as affecting {@code affects}.
     */
    void pending(DecisionTableInfo table, List<TableRow> candidates, Map<String, Object> answers, String affects) {
        for (TableRow row : candidates) {
            if (!LiveRows.live(table, row, answers, domains::of)) {
                continue; // an answer already given rules this row out
            }
            for (String question : row.questions()) {
                if (!answers.containsKey(question) && catalogue.question(question).isPresent()) {
                    pending.computeIfAbsent(question, q -> new LinkedHashSet<>()).add(affects);
                }
            }
        }
    }

    Explanation first(String model, String matter) {
        return explanations.stream().filter(e -> e.rule().startsWith(model + "#") && matter.equals(e.matter()))
                .findFirst().orElse(null);
    }

    List<Explanation> explanations() {
        return List.copyOf(explanations);
    }

    List<PendingQuestion> pendingQuestions() {
        List<PendingQuestion> questions = new ArrayList<>();
        pending.forEach((id, affects) -> catalogue.question(id).ifPresent(q -> questions.add(new PendingQuestion(
                q.id(), q.text(), q.textEn(), q.type().label(), q.options(), q.unit(), q.why(), q.whyEn(),
                List.copyOf(affects), q.unitEn()))));
        return questions;
    }
}
