package org.onewindow.intake;

import java.util.ArrayList;
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

    private final Catalogue catalogue;
    private final DrlRules drl;

    BundleRules(Catalogue catalogue, DrlRules drl) {
        this.catalogue = catalogue;
        this.drl = drl;
    }

    Conclusion decide(LifeEvent event, List<MatterDecision> decided) {
        BundlePolicy data = new BundlePolicy();
        if (event != null) {
            data.getEvent().add(new BundleEvent(event.code(), event.leadWindow(), event.leadDepartment()));
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
            data.getMatters().add(new BundledMatter(d.matter().code(), d.matter().name(),
                    Objects.requireNonNullElse(d.matter().nameEn(), d.matter().name()), position,
                    d.matter().result() == null ? null : d.matter().result().material(), w.code(),
                    w.kind() == WindowKind.DEDICATED));
            int first = position;
            shares.computeIfAbsent(w.code(), k -> new int[] {0, first})[0]++;
            for (DepartmentRole r : d.departments()) {
                data.getMatterDepartments().add(new MatterDepartment(d.matter().code(), r.code(), r.role(),
                        r.reason(), r.reasonEn()));
            }
            for (MaterialDecision m : d.materials()) {
                if (Boolean.TRUE.equals(m.required())) {
                    String producer = producers.get(m.row().material());
                    data.getDemands().add(new MaterialDemand(d.matter().code(), m.row().material(), m.row().key(),
                            m.tolerable(), m.deadlineDays(), m.row().form().label(), m.row().originals(),
                            m.row().copies(), d.matter().code().equals(producer) ? null : producer));
                }
            }
        }
        shares.forEach((code, share) -> data.getWindowShares().add(new WindowShare(code,
                catalogue.window(code).map(w -> w.kind() == WindowKind.COMPREHENSIVE).orElse(false), share[0], share[1])));

        List<FiredRow> fired = drl.fire(data);
        List<ReceivingWindow> receiving = Stores.contents(data.getReceiving());
        if (receiving.size() != 1) {
            throw new RuleGapException("the bundle rules chose " + receiving.size() + " receiving windows, expected one");
        }
        Map<String, MergedMaterial> lines = new LinkedHashMap<>();
        Stores.contents(data.getLines()).forEach(l -> lines.put(l.getMaterial(), l));
        return new Conclusion(receiving.get(0).getWindow(), departments(Stores.contents(data.getDepartments())), lines,
                Stores.contents(data.getNotes()), fired);
    }

    /**
     * Each department once, with every matter it works on; the first reason given stands, and a
     * department the rules made lead is listed as lead.
     */
    private List<DepartmentRole> departments(List<MatterDepartment> concluded) {
        Map<String, DepartmentRole> roles = new LinkedHashMap<>();
        concluded.stream().sorted((a, b) -> Boolean.compare(!a.getRole().equals(MatterDepartment.LEAD),
                !b.getRole().equals(MatterDepartment.LEAD))).forEach(c -> {
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
