package org.onewindow.decision.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drools fact: one line of the merged material list — a catalogue material and every matter's
 * demand for it. The merge rules decide which demands belong together; the summary getters only
 * combine them (needed if any matter needs it, key if key anywhere, tolerable only if every matter
 * that needs it tolerates it, the earliest deadline wins).
 */
public class MergedMaterial {

    private final String material;
    private final List<MaterialDemand> demands = new ArrayList<>();

    public MergedMaterial(String material) {
        this.material = material;
    }

    public String getMaterial() {
        return material;
    }

    public List<MaterialDemand> getDemands() {
        return demands;
    }

    public boolean covers(String matter) {
        return demands.stream().anyMatch(d -> d.getMatter().equals(matter));
    }

    public void absorb(MaterialDemand demand) {
        demands.add(demand);
    }

    /** Demands the applicant must actually satisfy: those not produced inside the bundle. */
    private List<MaterialDemand> open() {
        return demands.stream().filter(d -> d.getProducedBy() == null).toList();
    }

    public boolean isRequired() {
        return open().stream().anyMatch(MaterialDemand::isRequired);
    }

    public boolean isKey() {
        return open().stream().anyMatch(MaterialDemand::isKey);
    }

    public boolean isTolerable() {
        List<MaterialDemand> needed = open().stream().filter(MaterialDemand::isRequired).toList();
        return !needed.isEmpty() && needed.stream().allMatch(MaterialDemand::isTolerable);
    }

    public Integer getDeadlineDays() {
        return open().stream().filter(MaterialDemand::isRequired).map(MaterialDemand::getDeadlineDays)
                .filter(Objects::nonNull).min(Integer::compare).orElse(null);
    }

    /** The matter that produces this material inside the bundle, when no open demand remains. */
    public String getProducedBy() {
        return open().isEmpty() ? demands.get(0).getProducedBy() : null;
    }

    public List<String> getMatters() {
        return demands.stream().map(MaterialDemand::getMatter).distinct().toList();
    }
}
