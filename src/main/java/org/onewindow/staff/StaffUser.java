package org.onewindow.staff;

import java.util.List;

/** A member of staff as the application knows them; the password hash never leaves {@link StaffDirectory}. */
public record StaffUser(String username, String displayName, List<String> roles, String department, boolean active) {

    public StaffUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role) || roles.contains(Roles.ADMIN);
    }
}
