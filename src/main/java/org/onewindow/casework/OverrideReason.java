package org.onewindow.casework;

import java.util.List;

/**
 * Why a clerk proposes to accept what the rules call incomplete. A closed list, so that overrides
 * can be counted and audited; the free text and the basis say the rest.
 */
public final class OverrideReason {

    /** The original was verified in an electronic licence or data-sharing system (电子证照/数据共享核验). */
    public static final String VERIFIED_ELECTRONICALLY = "verified-electronically";
    /** Another department holds the material and has confirmed it (部门间核验). */
    public static final String HELD_BY_DEPARTMENT = "held-by-department";
    /** An urgent case under a published instruction (e.g. disaster relief, a major project 重大项目). */
    public static final String URGENT_INSTRUCTION = "urgent-instruction";
    /** Anything else; the free text must say what. */
    public static final String OTHER = "other";

    public static final List<String> ALL = List.of(VERIFIED_ELECTRONICALLY, HELD_BY_DEPARTMENT, URGENT_INSTRUCTION,
            OTHER);
    static final String CODES = "verified-electronically, held-by-department, urgent-instruction, other";
    static final String PATTERN = "verified-electronically|held-by-department|urgent-instruction|other";

    private OverrideReason() {
    }
}
