package org.onewindow.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** What the staff pages' header offers this member of staff ({@code {inject:staffNav.admin}}). */
@Named("staffNav")
@RequestScoped
public class StaffNavigation {

    @Inject
    SecurityIdentity identity;

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(Roles.ADMIN);
    }
}
