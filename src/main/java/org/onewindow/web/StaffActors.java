package org.onewindow.web;

import java.util.Set;

import org.onewindow.casework.CaseworkService;

import io.quarkus.security.identity.SecurityIdentity;

/** The acting member of staff, as the casework service needs them, from the request's identity. */
final class StaffActors {

    private StaffActors() {
    }

    static CaseworkService.Actor of(SecurityIdentity identity) {
        Object department = identity.getAttribute("department");
        return new CaseworkService.Actor(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                department == null ? null : department.toString());
    }
}
