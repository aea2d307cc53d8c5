package org.onewindow.decision.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule conclusion: one line of the merged material list of a bundle. The bundle rules set every
 * field — required, key, tolerable, deadline, form, counts, produced inside — so that how demands
 * merge is policy written in the DRL, not Java; this class only holds the answer.
 */
public class MergedMaterial {

    private final String material;
    private final List<String> matters = new ArrayList<>();
    private boolean required;
    private boolean key;
    private boolean tolerable;
    private Integer deadlineDays;
    private String form;
    private int originals;
    private int copies;
    private String producedBy;

    public MergedMaterial(String material) {
        this.material = material;
    }

    public String getMaterial() {
        return material;
    }

    /** The matters that ask for this material, in the order the rules saw them. */
    public List<String> getMatters() {
        return List.copyOf(matters);
    }

    public boolean covers(String matter) {
        return matters.contains(matter);
    }

    public void addMatter(String matter) {
        if (!matters.contains(matter)) {
            matters.add(matter);
        }
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public boolean isKey() {
        return key;
    }

    public void setKey(boolean key) {
        this.key = key;
    }

    public boolean isTolerable() {
        return tolerable;
    }

    public void setTolerable(boolean tolerable) {
        this.tolerable = tolerable;
    }

    public Integer getDeadlineDays() {
        return deadlineDays;
    }

    public void setDeadlineDays(Integer deadlineDays) {
        this.deadlineDays = deadlineDays;
    }

    public String getForm() {
        return form;
    }

    public void setForm(String form) {
        this.form = form;
    }

    public int getOriginals() {
        return originals;
    }

    public void setOriginals(int originals) {
        this.originals = originals;
    }

    public int getCopies() {
        return copies;
    }

    public void setCopies(int copies) {
        this.copies = copies;
    }

    /** The matter of this bundle whose result is this material, when no other matter needs it from the applicant. */
    public String getProducedBy() {
        return producedBy;
    }

    public void setProducedBy(String producedBy) {
        this.producedBy = producedBy;
    }
}
