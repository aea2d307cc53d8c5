package org.onewindow.intake;

import java.util.Locale;

/**
 * Who may see an applicant's shared material library (审批资料共享库) in an answer: staff, or a
 * signed-in applicant for their own verified identity — nobody else. An anonymous caller who types
 * somebody's ID number must not learn which certificates (disability, 低保, marriage) that person
 * holds, so an intake decided for them simply does not consult the library.
 */
public record LibraryAccess(boolean staff, String ownId) {

    /** An anonymous caller (kiosk, public API): the library is never consulted. */
    public static final LibraryAccess NONE = new LibraryAccess(false, null);

    /** A member of staff (the desk, a reviewer, a supervisor, an administrator). */
    public static final LibraryAccess STAFF = new LibraryAccess(true, null);

    /** A signed-in applicant whose identity number has been verified: their own library only. */
    public static LibraryAccess own(String verifiedId) {
        return verifiedId == null || verifiedId.isBlank() ? NONE
                : new LibraryAccess(false, verifiedId.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether this caller may see the library of the applicant {@code applicantId}. */
    public boolean allows(String applicantId) {
        if (applicantId == null || applicantId.isBlank()) {
            return false;
        }
        return staff || ownId != null && ownId.equals(applicantId.strip().toUpperCase(Locale.ROOT));
    }
}
