package org.onewindow.guide;

/**
 * 法定办结时限 and 承诺办结时限 in working days (0 = 即办件, settled on the spot). The promised limit
 * is what supervision (电子监察) and tolerance deadlines are measured against.
 * {@code deliverBeforeSupply}: the matter's rules let the result be handed over while a tolerated
 * (容缺) material is still outstanding; by default (absent or false) the material comes first.
 */
public record TimeLimit(Integer statutory, Integer promised, String note, Boolean deliverBeforeSupply) {

    public boolean deliveryBeforeSupply() {
        return Boolean.TRUE.equals(deliverBeforeSupply);
    }
}
