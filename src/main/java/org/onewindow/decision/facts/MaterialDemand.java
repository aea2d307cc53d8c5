package org.onewindow.decision.facts;

/**
 * Rule fact: one matter's need for one catalogue material, as that matter's tables decided it —
 * the form and counts its guide asks for, whether it is a key material, whether (and by when) it
 * may be supplied later — and {@code producedBy}, the other matter of the same intake whose result
 * is this material, if there is one (a fact of the bundle; what follows from it is in the rules).
 */
public class MaterialDemand {

    private final String matter;
    private final String material;
    private final boolean key;
    private final boolean tolerable;
    private final Integer deadlineDays;
    private final String form;
    private final int originals;
    private final int copies;
    private final String producedBy;

    public MaterialDemand(String matter, String material, boolean key, boolean tolerable, Integer deadlineDays,
            String form, int originals, int copies, String producedBy) {
        this.matter = matter;
        this.material = material;
        this.key = key;
        this.tolerable = tolerable;
        this.deadlineDays = deadlineDays;
        this.form = form;
        this.originals = originals;
        this.copies = copies;
        this.producedBy = producedBy;
    }

    public String getProducedBy() {
        return producedBy;
    }

    public String getMatter() {
        return matter;
    }

    public String getMaterial() {
        return material;
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

    public String getForm() {
        return form;
    }

    public int getOriginals() {
        return originals;
    }

    public int getCopies() {
        return copies;
    }
}
