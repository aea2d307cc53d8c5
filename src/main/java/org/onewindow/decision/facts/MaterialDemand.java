package org.onewindow.decision.facts;

/**
 * Drools fact: one matter's need for one catalogue material, as the decision tables decided it.
 * The bundle rules may mark it as produced by another matter of the same intake.
 */
public class MaterialDemand {

    private final String matter;
    private final String material;
    private final boolean required;
    private final boolean key;
    private final boolean tolerable;
    private final Integer deadlineDays;
    private String producedBy;

    public MaterialDemand(String matter, String material, boolean required, boolean key, boolean tolerable,
            Integer deadlineDays) {
        this.matter = matter;
        this.material = material;
        this.required = required;
        this.key = key;
        this.tolerable = tolerable;
        this.deadlineDays = deadlineDays;
    }

    public String getMatter() {
        return matter;
    }

    public String getMaterial() {
        return material;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isKey() {
        return key;
    }

    public boolean isTolerable() {
        return tolerable;
    }

    public Integer getDeadlineDays() {
        return deadlineDays;
    }

    public String getProducedBy() {
        return producedBy;
    }

    public void setProducedBy(String producedBy) {
        this.producedBy = producedBy;
    }
}
