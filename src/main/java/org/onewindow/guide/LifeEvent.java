package org.onewindow.guide;

import java.util.List;

/**
 * 一件事: a bundle of matters handled in one intake. Which of {@code matters} apply to an
 * applicant is decided by the life-event decision table from the answers to {@code questions}.
 * {@code rank} orders the kiosk's tiles (lower first; events without one follow, by code);
 * {@code programme} names the programme the bundle follows (the State Council's 高效办成一件事 list, or
 * the district's own combination).
 */
public record LifeEvent(String code, String name, String nameEn, String description, String descriptionEn,
        List<String> aliases,
        String leadWindow, String leadDepartment, List<String> matters, List<String> questions, Integer rank,
        String programme, List<String> aliasesEn) implements java.io.Serializable {

    /** Kiosk order: by rank, unranked last, then by code. */
    public static final java.util.Comparator<LifeEvent> KIOSK_ORDER = java.util.Comparator
            .comparing(LifeEvent::rank, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(LifeEvent::code);

    public LifeEvent {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        aliasesEn = aliasesEn == null ? List.of() : List.copyOf(aliasesEn);
        matters = matters == null ? List.of() : List.copyOf(matters);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
