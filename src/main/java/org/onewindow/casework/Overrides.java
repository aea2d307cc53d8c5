package org.onewindow.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.CreditStanding;
import org.onewindow.intake.Explanation;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Situation;
import org.onewindow.intake.ToleranceItem;
import org.onewindow.intake.ToleranceRuling;
import org.onewindow.staff.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Overrides within the law (容缺 that cannot be bent). A clerk may propose to accept what the rules
 * call incomplete, tolerating the missing materials; a supervisor — a second person — approves or
 * rejects. Never, whoever asks: a key material, anything for an applicant with bad credit, or (for
 * unknown credit) anything the decided tolerance table did not allow. The supply-by date keeps the
 * margin the tolerance table sets for a listed material. All of it goes on the timeline, and an
 * approval into a new decision record.
 */
@ApplicationScoped
public class Overrides {

    static final String TOLERANCE_DECISION = "tolerance-policy/Tolerance";

    @Inject
    Changes changes;

    @Inject
    ApplicationStore store;

    @Inject
    Completeness completeness;

    @Inject
    ApplicationViews views;

    @Inject
    DeskCalendar calendar;

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    Desk desk;

    @Inject
    ObjectMapper json;

    /** A clerk proposes an override: the materials the rules will not let come later, with reason and basis. */
    @Transactional
    public Application propose(long id, Requests.OverrideProposal request, Actor actor) {
        Changes.Locked locked = changes.lock(id, request.version(), true);
        Changes.requireStatus(locked.row(), ApplicationStatus.CHECKING, "accepted by override");
        if (store.overrides(id).stream().anyMatch(Override::pending)) {
            throw CaseworkException.state("an override of application " + locked.row().number()
                    + " is already waiting for a supervisor");
        }
        locked = completeness.refreshCredit(locked, actor.username());
        CompletenessCheck check = completeness.check(locked.row(), locked.lines());
        if (!check.incomplete()) {
            throw CaseworkException.state("nothing to override: the rules judge application " + locked.row().number()
                    + " " + check.outcome() + " — accept it as it is");
        }
        refuseUnlawful(locked.row(), check);
        List<String> materials = check.mustBring().stream().map(CompletenessCheck.Missing::code).toList();
        deadlines(locked.row(), materials);
        String note = blank(request.note());
        if (OverrideReason.OTHER.equals(request.reason()) && note == null) {
            throw new org.onewindow.intake.InvalidInputException("note", "say what the reason is when it is \"other\"");
        }
        int n = store.insertOverride(id, materials, request.reason(), note, request.basis().strip(), actor.username(),
                calendar.now());
        changes.event(id, actor.username(), "override-proposed", "n=" + n + " materials=" + String.join(",", materials)
                + " reason=" + request.reason(), Changes.data("n", n, "materials", materials, "reason", request.reason(),
                        "note", note, "basis", request.basis().strip()));
        changes.status(id, ApplicationStatus.CHECKING);
        return changes.view(id);
    }

    /**
     * A supervisor approves: the safeguards are checked again on the application as it is now, and
     * it is accepted with tolerance — the proposal's materials with the margin the rules set.
     */
    @Transactional
    public Application approve(long id, int n, Requests.OverrideAnswer request, Actor actor) {
        requireSupervisor(actor);
        Changes.Locked locked = changes.lock(id, request.version(), false);
        Override proposal = pending(locked.row(), n);
        if (proposal.proposedBy().equals(actor.username())) {
            throw CaseworkException.forbidden("four eyes: the override was proposed by you; another supervisor "
                    + "must approve it");
        }
        Changes.requireStatus(locked.row(), ApplicationStatus.CHECKING, "accepted by override");
        locked = completeness.refreshCredit(locked, actor.username());
        CompletenessCheck check = completeness.check(locked.row(), locked.lines());
        List<String> mustBring = check.mustBring().stream().map(CompletenessCheck.Missing::code).toList();
        if (!check.incomplete() || !new HashSet<>(mustBring).equals(new HashSet<>(proposal.materials()))) {
            throw CaseworkException.state("the checklist of application " + locked.row().number() + " changed since "
                    + "override " + n + " was proposed (" + String.join(",", proposal.materials()) + " → "
                    + String.join(",", mustBring) + "): reject it and propose again");
        }
        refuseUnlawful(locked.row(), check);
        Map<String, Integer> days = deadlines(locked.row(), mustBring);
        WorkingDays working = calendar.workingDays();
        LocalDate today = calendar.today();
        LocalDate promised = working.add(today, locked.row().promisedDays());
        Map<String, LocalDate> tolerated = new LinkedHashMap<>();
        check.tolerable().forEach(t -> tolerated.put(t.code(), t.dueOn()));
        days.forEach((code, d) -> tolerated.put(code, min(working.add(today, d), promised)));

        recordDecision(locked.row(), proposal, days, actor);
        store.decideOverride(id, n, Override.APPROVED, actor.username(), blank(request.comment()), calendar.now());
        changes.event(id, actor.username(), "override-approved", "n=" + n + " materials=" + String.join(",", mustBring),
                Changes.data("n", n, "materials", mustBring, "proposedBy", proposal.proposedBy(), "comment",
                        blank(request.comment())));
        desk.acceptNow(changes.reread(id), ApplicationStatus.ACCEPTED_WITH_TOLERANCE, tolerated,
                proposal.proposedBy());
        return changes.view(id);
    }

    /** A supervisor rejects (with a comment); the application stays at the desk. */
    @Transactional
    public Application reject(long id, int n, Requests.OverrideAnswer request, Actor actor) {
        requireSupervisor(actor);
        String comment = blank(request.comment());
        if (comment == null) {
            throw new org.onewindow.intake.InvalidInputException("comment", "say why the override is rejected");
        }
        Changes.Locked locked = changes.lock(id, request.version(), false);
        pending(locked.row(), n);
        store.decideOverride(id, n, Override.REJECTED, actor.username(), comment, calendar.now());
        changes.event(id, actor.username(), "override-rejected", "n=" + n + " comment=" + comment,
                Changes.data("n", n, "comment", comment));
        changes.status(id, locked.row().status());
        return changes.view(id);
    }

    /**
     * The safeguards no override passes (422, naming the rule): a key material; anything for an
     * applicant with bad credit; for credit not established as good, anything the decided outcome
     * (the tolerance table for this applicant) did not itself allow.
     */
    void refuseUnlawful(ApplicationStore.Row row, CompletenessCheck check) {
        Outcome outcome = views.outcome(row);
        for (CompletenessCheck.Missing m : check.mustBring()) {
            Explanation why = outcome.explanation().stream()
                    .filter(e -> m.code().equals(e.material()) && e.rule() != null && TOLERANCE_DECISION.equals(e.decision()))
                    .findFirst().orElse(null);
            boolean tolerableByTable = outcome.materials().stream()
                    .anyMatch(i -> i.code().equals(m.code()) && i.tolerable());
            if (m.key()) {
                throw refused("key-material", m, why, "a key material (主要申请材料) can never be tolerated");
            }
            if (CreditStanding.BAD.equals(row.creditStatus())) {
                throw refused("bad-credit", m, why, "the applicant is on a dishonest-subject (失信) list: no tolerance");
            }
            if (!CreditStanding.GOOD.equals(row.creditStatus()) && !tolerableByTable) {
                throw refused("unknown-credit", m, why, "the applicant's credit could not be established and the "
                        + "tolerance table does not allow this material to come later");
            }
        }
    }

    private static CaseworkException refused(String safeguard, CompletenessCheck.Missing m, Explanation why,
            String detail) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("safeguard", safeguard);
        extra.put("rule", why != null ? why.rule() : safeguard);
        extra.put("material", m.code());
        if (why != null) {
            extra.put("reason", why.reason());
            extra.put("basis", why.basis());
        }
        return new CaseworkException(422, "override refused", "cannot tolerate " + m.name() + " (" + m.code() + "): "
                + detail + (why == null ? "" : " — " + why.rule() + ": " + why.reason()), "materials", extra);
    }

    /**
     * The deadline of each overridden material: what the tolerance table gives it were it on the
     * matter's tolerance list (its margin before the promised limit included) — the earliest over
     * the matters that ask for it. A row that refuses even then is named in a 422.
     */
    Map<String, Integer> deadlines(ApplicationStore.Row row, List<String> materials) {
        Outcome outcome = views.outcome(row);
        Applicant applicant = new Applicant(row.applicantType(), row.applicantId(), row.creditStatus());
        Map<String, Integer> days = new LinkedHashMap<>();
        for (String code : materials) {
            MaterialItem item = outcome.materials().stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
            List<String> matters = item == null || item.matters() == null ? row.matters() : item.matters();
            Integer earliest = null;
            for (String matter : matters) {
                Optional<ToleranceRuling> ruling = intake.toleranceIfListed(catalogues.current(), applicant, matter, code);
                if (ruling.isEmpty()) {
                    continue;
                }
                if (!ruling.get().tolerable()) {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("safeguard", "no-margin");
                    extra.put("rule", ruling.get().rule());
                    extra.put("material", code);
                    extra.put("reason", ruling.get().reason());
                    extra.put("basis", ruling.get().basis());
                    throw new CaseworkException(422, "override refused", "cannot tolerate " + code + ": the tolerance "
                            + "table leaves no supply-by date — " + ruling.get().rule() + ": " + ruling.get().reason(),
                            "materials", extra);
                }
                earliest = earliest == null ? ruling.get().deadlineDays()
                        : Math.min(earliest, ruling.get().deadlineDays());
            }
            if (earliest == null) {
                throw CaseworkException.state("no matter of application " + row.number() + " lists " + code);
            }
            days.put(code, earliest);
        }
        return days;
    }

    /** The approved override becomes part of the decision: a new decision record the application points to. */
    private void recordDecision(ApplicationStore.Row row, Override proposal, Map<String, Integer> days, Actor actor) {
        Outcome before = views.outcome(row);
        String reason = "人工改变规则结论：" + proposal.reason() + (proposal.note() == null ? "" : "（" + proposal.note() + "）")
                + "，由 " + proposal.proposedBy() + " 提出、" + actor.username() + " 批准";
        String reasonEn = "override " + proposal.n() + " (" + proposal.reason() + ") proposed by " + proposal.proposedBy()
                + ", approved by " + actor.username();
        List<MaterialItem> materials = before.materials().stream().map(m -> !days.containsKey(m.code()) ? m
                : new MaterialItem(m.code(), m.name(), m.nameEn(), m.title(), m.required(), m.key(), true, m.fromLibrary(),
                        m.pending(), m.condition(), m.form(), m.originals(), m.copies(), days.get(m.code()),
                        m.producedBy(), m.matters(), m.reason(), m.reasonEn(), m.basis())).toList();
        List<ToleranceItem> tolerable = new ArrayList<>(before.tolerable());
        List<Explanation> explanation = new ArrayList<>(before.explanation());
        days.forEach((code, d) -> {
            MaterialItem m = before.materials().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
            tolerable.add(new ToleranceItem(code, m.name(), m.nameEn(), d, m.matters(), reason, reasonEn, proposal.basis()));
            explanation.add(new Explanation("override", "override#" + proposal.n(), null, code, reason, reasonEn,
                    proposal.basis()));
        });
        Outcome after = new Outcome(before.window(), before.departments(), materials, tolerable,
                before.pendingQuestions(), before.notice(), before.noticeEn(), explanation, before.ruleSet(),
                before.catalogueVersion(), before.matters(), before.event(), before.asOf(), null, null);
        Situation situation;
        try {
            situation = json.readValue(row.situation(), Situation.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read the situation of application " + row.id(), e);
        }
        Outcome recorded = intake.record(situation, after);
        store.redecided(row.id(), row.creditStatus(), row.creditSource(), views.write(recorded), recorded.decisionId());
        for (Map.Entry<String, Integer> e : days.entrySet()) {
            store.tolerance(row.id(), e.getKey(), true, e.getValue());
        }
    }

    private Override pending(ApplicationStore.Row row, int n) {
        Override o = store.overrides(row.id()).stream().filter(x -> x.n() == n).findFirst()
                .orElseThrow(() -> CaseworkException.notFound("application " + row.number() + " has no override " + n));
        if (!o.pending()) {
            throw CaseworkException.state("override " + n + " of application " + row.number() + " is already "
                    + o.status());
        }
        return o;
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.has(Roles.SUPERVISOR)) {
            throw CaseworkException.forbidden("only a supervisor approves or rejects an override");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
