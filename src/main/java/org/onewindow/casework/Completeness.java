package org.onewindow.casework;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.CreditStanding;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Precheck;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules' view of an application at the desk: completeness by the DRL rules over the decision
 * it was taken on and the checklist, and — before anything is accepted — the applicant's credit
 * looked up again, re-deciding tolerance when the registry's answer changed since intake.
 */
@ApplicationScoped
class Completeness {

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    ApplicationViews views;

    @Inject
    ApplicationStore store;

    @Inject
    DeskCalendar calendar;

    @Inject
    CaseNotices notices;

    @Inject
    Changes changes;

    @Inject
    ObjectMapper json;

    CompletenessCheck check(ApplicationStore.Row row, List<ChecklistLine> lines) {
        Outcome outcome = views.outcome(row);
        // what the desk's checklist says is what counts: a library item the clerk marked missing is missing
        Set<String> have = new HashSet<>();
        lines.stream().filter(l -> l.state().atHand()).forEach(l -> have.add(l.code()));
        Precheck verdict = intake.decider(catalogues.current()).check(outcome, have);
        WorkingDays days = calendar.workingDays();
        LocalDate today = calendar.today();
        LocalDate due = days.add(today, row.promisedDays());
        List<CompletenessCheck.Missing> missing = verdict.missing().stream().map(m -> new CompletenessCheck.Missing(
                m.code(), name(m), m.key(), verdict.tolerable().stream().anyMatch(t -> t.code().equals(m.code()))))
                .toList();
        List<CompletenessCheck.Tolerable> tolerable = verdict.tolerable().stream().map(t -> new CompletenessCheck.Tolerable(
                t.code(), t.name(), t.deadlineDays(), min(days.add(today, t.deadlineDays()), due))).toList();
        String notice = "incomplete".equals(verdict.outcome()) || "tolerable".equals(verdict.outcome())
                ? notices.missing(row, outcome, missing, tolerable) : null;
        return new CompletenessCheck(verdict.outcome(), missing, tolerable, verdict.reason(), verdict.reasonEn(), notice);
    }

    /**
     * Looks the applicant up in the credit registry again (each acceptance does); when the answer
     * differs from the one the application was decided with, the situation is decided again with
     * the new credit status — tolerance comes from the tolerance table, never from Java — and the
     * checklist's tolerance follows it.
     */
    Changes.Locked refreshCredit(Changes.Locked locked, String actor) {
        ApplicationStore.Row row = locked.row();
        CreditStanding before = views.credit(row);
        String declared = before != null && "declared".equals(before.registry()) ? CreditStanding.BAD : null;
        CreditStanding now = intake.standing(new Applicant(row.applicantType(), row.applicantId(), declared), null);
        if (now.status().equals(row.creditStatus())) {
            return locked;
        }
        Catalogue catalogue = catalogues.current();
        Situation situation = intake.credited(situation(row, catalogue, now.status()));
        Outcome outcome = intake.record(situation, intake.decide(catalogue, situation));
        store.redecided(row.id(), now.status(), views.write(now), views.write(outcome), outcome.decisionId());
        Map<String, Integer> deadlines = new java.util.HashMap<>();
        outcome.tolerable().forEach(t -> deadlines.put(t.code(), t.deadlineDays()));
        for (ChecklistLine line : locked.lines()) {
            Integer days = deadlines.get(line.code());
            if (line.tolerable() != (days != null) || !Objects.equals(line.deadlineDays(), days)) {
                store.tolerance(row.id(), line.code(), days != null, days);
            }
        }
        changes.event(row.id(), actor, "credit-changed", "credit=" + row.creditStatus() + "->" + now.status()
                + " decision=" + outcome.reference(), Changes.data("from", row.creditStatus(), "to", now.status(),
                        "list", now.list()));
        return changes.reread(row.id());
    }

    /** The stored situation, read again (typed answers) with the applicant's new credit status. */
    private Situation situation(ApplicationStore.Row row, Catalogue catalogue, String credit) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(row.situation());
            body.remove("asOf");
            body.remove(body.hasNonNull("event") ? "matters" : "event");
            if (body.get("applicant") instanceof ObjectNode applicant) {
                applicant.put("creditStatus", credit);
            }
            return new SituationReader(catalogue).read(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read the situation of application " + row.id(), e);
        }
    }

    private static String name(MaterialItem m) {
        return m.title() != null ? m.title() : m.name();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
