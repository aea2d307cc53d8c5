package org.onewindow.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onewindow.decision.DrlRules;
import org.onewindow.decision.FiredRow;
import org.onewindow.decision.facts.BundleEvent;
import org.onewindow.decision.facts.BundleNote;
import org.onewindow.decision.facts.BundledMatter;
import org.onewindow.decision.facts.MaterialDemand;
import org.onewindow.decision.facts.MatterDepartment;
import org.onewindow.decision.facts.MergedMaterial;
import org.onewindow.decision.facts.ReceivingWindow;
import org.onewindow.decision.facts.WindowShare;
import org.onewindow.decision.units.BundlePolicy;
import org.onewindow.decision.units.Stores;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Department;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Window;
import org.onewindow.guide.WindowKind;
import org.onewindow.intake.MatterDecision.MaterialDecision;

/**
 * Hands a life event or several matters to the bundle rules ({@code unit BundlePolicy}): what each
 * matter's tables decided goes in, the receiving window, the departments and the merged material
 * lines come out. Java only translates; which window, which lead and how materials merge is
 * written in the rules.
 */
final class BundleRules {

    /** What the bundle rules concluded. */
    record Conclusion(String window, List<DepartmentRole> departments, Map<String, MergedMaterial> lines,
            List<BundleNote> notes, List<FiredRow> fired) {
    }

    /**
     * Conclusions kept per catalogue and rule-set version; beyond this many, new bundles are not
     * kept (a conclusion with its fact key is some 10–20 KB for a five-matter event).
     */
    static final int MEMO_LIMIT = 5_000;

    private final Catalogue catalogue;
    private final DrlRules drl;
    private final Map<List<Object>, Conclusion> memo;

    /**
     * @param memo conclusions already reached with this catalogue and these rules, by the facts
     *             handed to the rules (see {@link #decide}); shared by the requests of one version
     */
    BundleRules(Catalogue catalogue, DrlRules drl, Map<List<Object>, Conclusion> memo) {
        this.catalogue = catalogue;
        this.drl = drl;
        this.memo = memo;
    }

    /**
     * The bundle rules read nothing but the facts built here (no globals, no clock), so their
     * conclusion — and the rules that fired — is a function of those facts' values: it is reached
     * once per distinct set of facts and reused, instead of a rule-unit instance and a Phreak run
     * per request. The caller still reports the fired rules to the explanation and to coverage.
     */
    Conclusion decide(LifeEvent event, List<MatterDecision> decided) {
        BundlePolicy data = new BundlePolicy();
        List<Object> facts = new ArrayList<>();
        if (event != null) {
            data.getEvent().add(new BundleEvent(event.code(), event.leadWindow(), event.leadDepartment()));
            facts.add(Arrays.asList("event", event.code(), event.leadWindow(), event.leadDepartment()));
        }
        Map<String, String> producers = new LinkedHashMap<>(); // result material → the matter producing it
        decided.forEach(d -> {
            if (d.matter().result() != null && d.matter().result().material() != null) {
                producers.putIfAbsent(d.matter().result().material(), d.matter().code());
            }
        });
        Map<String, int[]> shares = new LinkedHashMap<>(); // window → {matters, first position}
        for (int position = 0; position < decided.size(); position++) {
            MatterDecision d = decided.get(position);
            Window w = catalogue.window(d.window()).orElseThrow(
                    () -> new RuleGapException("window-routing names unknown window '" + d.window() + "'"));
            String result = d.matter().result() == null ? null : d.matter().result().material();
            String nameEn = Objects.requireNonNullElse(d.matter().nameEn(), d.matter().name());
            data.getMatters().add(new BundledMatter(d.matter().code(), d.matter().name(), nameEn, position, result,
                    w.code(), w.kind() == WindowKind.DEDICATED));
            facts.add(Arrays.asList("matter", d.matter().code(), d.matter().name(), nameEn, position, result, w.code(),
                    w.kind() == WindowKind.DEDICATED));
            int first = position;
            shares.computeIfAbsent(w.code(), k -> new int[] {0, first})[0]++;
            for (DepartmentRole r : d.departments()) {
                data.getMatterDepartments().add(new MatterDepartment(d.matter().code(), r.code(), r.role(),
                        r.reason(), r.reasonEn()));
                facts.add(Arrays.asList("department", d.matter().code(), r.code(), r.role(), r.reason(), r.reasonEn()));
            }
            for (MaterialDecision m : d.materials()) {
                if (Boolean.TRUE.equals(m.required())) {
                    String producer = producers.get(m.row().material());
                    String producedBy = d.matter().code().equals(producer) ? null : producer;
                    data.getDemands().add(new MaterialDemand(d.matter().code(), m.row().material(), m.row().key(),
                            m.tolerable(), m.deadlineDays(), m.row().form().label(), m.row().originals(),
                            m.row().copies(), producedBy));
                    facts.add(Arrays.asList("demand", d.matter().code(), m.row().material(), m.row().key(),
                            m.tolerable(), m.deadlineDays(), m.row().form().label(), m.row().originals(),
                            m.row().copies(), producedBy));
                }
            }
        }
        shares.forEach((code, share) -> {
            boolean comprehensive = catalogue.window(code).map(w -> w.kind() == WindowKind.COMPREHENSIVE).orElse(false);
            data.getWindowShares().add(new WindowShare(code, comprehensive, share[0], share[1]));
            facts.add(Arrays.asList("share", code, comprehensive, share[0], share[1]));
        });
        Conclusion known = memo.get(facts);
        if (known != null) {
            return known;
        }
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int position = 0; position < decided.size(); position++) {
            positions.putIfAbsent(decided.get(position).matter().code(), position);
        }
        Conclusion concluded = fire(data, positions);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(facts, concluded);
        }
        return concluded;
    }

    /**
     * The rules' conclusions come out of their stores in no fixed order (Drools fires matches of
     * equal salience in an order that varies from run to run), so departments and notes are put
     * in the bundle's order here: an answer must not depend on the run that first reached it.
     */
    private Conclusion fire(BundlePolicy data, Map<String, Integer> positions) {
        List<FiredRow> fired = List.copyOf(drl.fire(data));
        List<ReceivingWindow> receiving = Stores.contents(data.getReceiving());
        if (receiving.size() != 1) {
            throw new RuleGapException("the bundle rules chose " + receiving.size() + " receiving windows, expected one");
        }
        Map<String, MergedMaterial> lines = new LinkedHashMap<>();
        Stores.contents(data.getLines()).forEach(l -> lines.put(l.getMaterial(), l));
        // shared by every request with the same facts: nothing in it may change after this
        java.util.function.ToIntFunction<String> position = matter -> matter == null ? -1
                : positions.getOrDefault(matter, Integer.MAX_VALUE);
        List<BundleNote> notes = Stores.contents(data.getNotes()).stream()
                .sorted(Comparator.comparingInt((BundleNote n) -> position.applyAsInt(n.getMatter()))
                        .thenComparing(BundleNote::getRule, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(BundleNote::getText, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new Conclusion(receiving.get(0).getWindow(), departments(Stores.contents(data.getDepartments()), position),
                java.util.Collections.unmodifiableMap(lines), notes, fired);
    }

    /**
     * Each department once, with every matter it works on; the first reason given stands, and a
     * department the rules made lead is listed as lead. Leads come first, then the departments in
     * the order of the matters they work on.
     */
    private List<DepartmentRole> departments(List<MatterDepartment> concluded,
            java.util.function.ToIntFunction<String> position) {
        Map<String, DepartmentRole> roles = new LinkedHashMap<>();
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        concluded.stream().sorted(Comparator.comparing((MatterDepartment c) -> !MatterDepartment.LEAD.equals(c.getRole()))
                .thenComparingInt(c -> position.applyAsInt(c.getMatter()))
                .thenComparing(MatterDepartment::getDepartment, text)
                .thenComparing(MatterDepartment::getRole, text)
                .thenComparing(MatterDepartment::getReason, text)).forEach(c -> {
                    Department d = catalogue.department(c.getDepartment()).orElseThrow(() -> new RuleGapException(
                            "the bundle rules name unknown department '" + c.getDepartment() + "'"));
                    List<String> matters = c.getMatter() == null ? List.of() : List.of(c.getMatter());
                    roles.merge(d.code(), new DepartmentRole(d.code(), d.name(), d.nameEn(), c.getRole(), matters,
                            c.getReason(), c.getReasonEn()), BundleRules::merge);
                });
        return List.copyOf(roles.values());
    }

    private static DepartmentRole merge(DepartmentRole a, DepartmentRole b) {
        List<String> matters = new ArrayList<>(a.matters());
        b.matters().stream().filter(m -> !matters.contains(m)).forEach(matters::add);
        return new DepartmentRole(a.code(), a.name(), a.nameEn(), a.role(), List.copyOf(matters), a.reason(),
                a.reasonEn());
    }
}
