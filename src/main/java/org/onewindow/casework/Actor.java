package org.onewindow.casework;

import java.util.Set;

import org.onewindow.staff.Roles;

/** Who is acting: their username, roles and (for a reviewer) department. */
public record Actor(String username, Set<String> roles, String department) {

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean has(String role) {
        return roles.contains(role) || admin();
    }

    /**
     * A department's reviewer and nothing more: they read only the applications dispatched to their
     * department. Desk staff and supervisors read every application.
     */
    public boolean departmentOnly() {
        return roles.contains(Roles.REVIEWER) && !has(Roles.CLERK) && !has(Roles.SUPERVISOR);
    }
}
