package org.onewindow.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.decision.RuleSetVersionStore;
import org.onewindow.decision.TableRow;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;

/**
 * A recorded decision, shown with the exact rows that made it — read from the files of the rule
 * set that decided it, as stored when that rule set went live — and replayed against those files.
 * Files change; the record does not.
 */
@ApplicationScoped
public class DecisionRecords {

    /** One row (or DRL rule) behind a recorded decision, as it was written then. */
    public record Row(String rule, String decision, Integer position, Map<String, String> when,
            Map<String, String> then, String reason, String reasonEn, String basis) {
    }

    /** A recorded decision with the rows that made it. */
    public record Shown(long id, String reference, String ruleSetVersion, java.time.OffsetDateTime decidedAt,
            Situation situation, Outcome outcome, List<Row> rows) {
    }

    /** The record decided again by the files of its own rule set; {@code differences} is empty when it holds. */
    public record Replay(long id, String ruleSetVersion, boolean same, List<String> differences, Outcome replayed) {
    }

    /** Compiled rule sets of recorded versions, a few at a time (a version compiles in about a second). */
    private final Map<String, RuleSet> compiled = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
                    return size() > 4;
                }
            });

    @Inject
    DecisionLog log;

    @Inject
    RuleSetVersionStore versions;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    Clock clock;

    public Optional<Shown> show(long id) {
        return log.find(id).map(r -> {
            RuleSet rules = ruleSet(r.ruleSetVersion());
            List<Row> rows = new ArrayList<>();
            Set<String> seen = new TreeSet<>();
            for (Explanation e : r.outcome().explanation()) {
                if (seen.add(e.rule())) {
                    row(rules, e.rule()).ifPresent(rows::add);
                }
            }
            return new Shown(r.id(), r.outcome().reference(), r.ruleSetVersion(), r.decidedAt(), r.situation(),
                    r.outcome(), rows);
        });
    }

    public Optional<Replay> replay(long id) {
        return log.find(id).map(r -> {
            RuleSet rules = ruleSet(r.ruleSetVersion());
            Catalogue catalogue = catalogues.current();
            IntakeDecider decider = new IntakeDecider(catalogue, rules, new QuestionDomains(catalogue, rules),
                    IntakeService.messages("zh"), IntakeService.messages("en"), clock);
            Outcome again = decider.decide(r.situation(), Set.copyOf(r.outcome().libraryCodes()));
            List<String> differences = differences(r.outcome(), again);
            return new Replay(r.id(), r.ruleSetVersion(), differences.isEmpty(), differences, again);
        });
    }

    /** The rule set of a recorded version, compiled from its stored files. */
    private RuleSet ruleSet(String version) {
        RuleSet cached = compiled.get(version);
        if (cached != null) {
            return cached;
        }
        Map<String, byte[]> files = versions.files(version).orElseThrow(() -> new IllegalStateException(
                "the files of rule-set version " + version + " were not kept"));
        RuleSet rules = new RuleSetCompiler().compile(files);
        compiled.put(version, rules);
        return rules;
    }

    private static Optional<Row> row(RuleSet rules, String reference) {
        int hash = reference.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String model = reference.substring(0, hash);
        String id = reference.substring(hash + 1);
        for (DecisionTableInfo table : rules.tables()) {
            if (!table.model().equals(model)) {
                continue;
            }
            Optional<TableRow> found = table.rule(id);
            if (found.isPresent()) {
                TableRow row = found.get();
                Map<String, String> when = new LinkedHashMap<>();
                for (int c = 0; c < row.inputEntries().size(); c++) {
                    if (!row.inputEntries().get(c).equals("-")) {
                        when.put(table.inputLabels().get(c), row.inputEntries().get(c));
                    }
                }
                Map<String, String> then = new LinkedHashMap<>();
                for (int o = 0; o < row.outputEntries().size(); o++) {
                    String entry = row.outputEntries().get(o);
                    if (!entry.isEmpty() && !entry.equals("null")) {
                        then.put(table.outputLabels().get(o), entry);
                    }
                }
                return Optional.of(new Row(reference, table.decision(), row.index(), when, then,
                        row.annotation("reason"), row.annotation("reasonEn"), row.annotation("basis")));
            }
            if (reference.equals(table.model() + "#" + table.tableId())) {
                // a conclusion the table implies (a material no live row requires)
                return Optional.of(new Row(reference, table.decision(), null, Map.of(), Map.of(), null, null, null));
            }
        }
        return rules.drlRules().flatMap(drl -> drl.rule(reference)).map(f -> new Row(reference, f.decision(), null,
                Map.of(), Map.of(), f.reason(), f.reasonEn(), f.basis()));
    }

    /** What an applicant would be told differently: window, departments, materials, tolerance, questions. */
    public static List<String> differences(Outcome before, Outcome after) {
        List<String> out = new ArrayList<>();
        compare("window", before.window() == null ? null : before.window().code(),
                after.window() == null ? null : after.window().code(), out);
        compare("departments", before.departments().stream().map(d -> d.code() + ":" + d.role()).sorted().toList(),
                after.departments().stream().map(d -> d.code() + ":" + d.role()).sorted().toList(), out);
        compare("materials", before.materials().stream().filter(MaterialItem::required).map(MaterialItem::code).sorted()
                .toList(), after.materials().stream().filter(MaterialItem::required).map(MaterialItem::code).sorted()
                .toList(), out);
        compare("tolerable", before.tolerable().stream().map(t -> t.code() + ":" + t.deadlineDays()).sorted().toList(),
                after.tolerable().stream().map(t -> t.code() + ":" + t.deadlineDays()).sorted().toList(), out);
        compare("pendingQuestions", before.pendingQuestions().stream().map(PendingQuestion::id).sorted().toList(),
                after.pendingQuestions().stream().map(PendingQuestion::id).sorted().toList(), out);
        return out;
    }

    private static void compare(String what, Object before, Object after, List<String> out) {
        if (!Objects.equals(before, after)) {
            out.add(what + ": " + before + " → " + after);
        }
    }
}
