package org.onewindow.web;

import java.util.Set;

import org.onewindow.casework.Actor;

import io.quarkus.security.identity.SecurityIdentity;

/** The acting member of staff, as the casework services need them, from the request's identity. */
final class StaffActors {

    private StaffActors() {
    }

    static Actor of(SecurityIdentity identity) {
        Object department = identity.getAttribute("department");
        return new Actor(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                department == null ? null : department.toString());
    }
}
