package org.onewindow.web;

import java.util.Optional;
import java.util.Set;

import org.onewindow.intake.LibraryAccess;
import org.onewindow.online.SignedIn;
import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may see an applicant's shared library in an intake answer: desk staff (clerk, reviewer,
 * supervisor, admin — logged in or by HTTP Basic), or the online applicant for their own verified
 * identity. Anyone else gets answers without it.
 */
final class LibraryAccesses {

    private static final Set<String> DESK = Set.of(Roles.CLERK, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN);

    private LibraryAccesses() {
    }

    static LibraryAccess of(SecurityIdentity identity, Optional<SignedIn> applicant) {
        return of(staff(identity), applicant);
    }

    /** Whether the caller is desk staff (decided where the request's identity is at hand). */
    static boolean staff(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.getRoles().stream().anyMatch(DESK::contains);
    }

    static LibraryAccess of(boolean staff, Optional<SignedIn> applicant) {
        return staff ? LibraryAccess.STAFF : applicant.map(SignedIn::libraryAccess).orElse(LibraryAccess.NONE);
    }
}
