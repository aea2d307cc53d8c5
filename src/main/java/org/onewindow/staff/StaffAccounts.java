package org.onewindow.staff;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;

/**
 * Managing staff accounts — for the admin page and the staff API alike: create, change roles,
 * department and name, deactivate and reactivate, reset a password; and a member of staff changing
 * their own password. Every refusal names the field. A change that takes rights away ends the
 * account's sessions at once; an administrator cannot lock themselves out.
 */
@ApplicationScoped
public class StaffAccounts {

    private static final Logger LOG = Logger.getLogger(StaffAccounts.class);
    private static final String USERNAME = "[a-z][a-z0-9._-]{2,63}";

    @Inject
    StaffDirectory directory;

    @Inject
    StaffSessions sessions;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    StaffLogin login;

    @Inject
    VerifiedCredentials verified;

    /** Creates an account; empty when the name is taken. */
    public java.util.Optional<StaffUser> create(String username, String password, String name, List<String> roles,
            String department, String actor) {
        if (username == null || !username.matches(USERNAME)) {
            throw new InvalidInputException("username", "3 to 64 characters: lower-case letters, digits, . _ - (a letter first)");
        }
        password(username, password, "password");
        String displayName = name(name);
        List<String> checkedRoles = roles(roles);
        String dept = department(department, checkedRoles);
        if (!directory.create(username, password, displayName, checkedRoles, dept)) {
            return java.util.Optional.empty();
        }
        LOG.infof("staff account %s created by %s with roles %s", username, actor, checkedRoles);
        return directory.find(username);
    }

    /** Changes what is given (null fields stay); ends the account's sessions when rights change. */
    public StaffUser update(String username, String name, List<String> roles, String department, boolean setDepartment,
            Boolean active, String actor) {
        StaffUser current = directory.find(username).orElseThrow(() -> new InvalidInputException("username",
                "no staff account '" + username + "'"));
        if (username.equals(actor) && (Boolean.FALSE.equals(active)
                || (roles != null && !roles.contains(Roles.ADMIN) && current.roles().contains(Roles.ADMIN)))) {
            throw new InvalidInputException(Boolean.FALSE.equals(active) ? "active" : "roles",
                    "you cannot deactivate yourself or take away your own admin role; ask another administrator");
        }
        String displayName = name == null ? null : name(name);
        List<String> checkedRoles = roles == null ? null : roles(roles);
        List<String> effectiveRoles = checkedRoles == null ? current.roles() : checkedRoles;
        // the department is checked when it or the roles change (the bootstrapped admin holds every role, none)
        String dept = setDepartment || checkedRoles != null
                ? department(setDepartment ? department : current.department(), effectiveRoles) : current.department();
        directory.update(username, displayName, checkedRoles, dept, setDepartment || checkedRoles != null, active);
        boolean rightsChanged = Boolean.FALSE.equals(active) || checkedRoles != null || setDepartment;
        if (rightsChanged) {
            sessions.endAll(username);
            verified.forget(username);
        }
        LOG.infof("staff account %s changed by %s (roles %s, active %s)", username, actor,
                checkedRoles == null ? "unchanged" : checkedRoles, active == null ? "unchanged" : active);
        return directory.find(username).orElseThrow();
    }

    /** An administrator sets a new password for someone (who then logs in again everywhere). */
    public void resetPassword(String username, String password, String actor) {
        if (directory.find(username).isEmpty()) {
            throw new InvalidInputException("username", "no staff account '" + username + "'");
        }
        password(username, password, "password");
        directory.setPassword(username, password);
        sessions.endAll(username);
        verified.forget(username);
        LOG.infof("password of staff account %s reset by %s", username, actor);
    }

    /**
     * A member of staff changes their own password, proving the current one (through the login
     * throttle, so this is no way around it). Their other sessions end; {@code keepSession} stays.
     */
    public void changeOwnPassword(String username, String current, String next, String client, String keepSession) {
        StaffLogin.Result check = login.attempt(username, current == null ? new char[0] : current.toCharArray(), client);
        if (!(check instanceof StaffLogin.Success)) {
            throw new InvalidInputException("current", "the current password is not right");
        }
        password(username, next, "password");
        if (next.equals(current)) {
            throw new InvalidInputException("password", "choose a password different from the current one");
        }
        directory.setPassword(username, next);
        sessions.endAllBut(username, keepSession);
        verified.forget(username);
        LOG.infof("staff account %s changed its own password", username);
    }

    private static void password(String username, String password, String field) {
        String problem = PasswordPolicy.problem(username, password);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInputException("name", "at most 100 characters");
        }
        return name.strip();
    }

    private static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "a non-empty list of " + Roles.ALL);
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (!Roles.ALL.contains(role)) {
                throw new InvalidInputException("roles[" + i + "]", "unknown role '" + role + "'; roles: " + Roles.ALL);
            }
            if (!checked.contains(role)) {
                checked.add(role);
            }
        }
        return checked;
    }

    private String department(String department, List<String> roles) {
        String dept = department == null || department.isBlank() ? null : department.strip();
        if (dept != null && catalogues.current().department(dept).isEmpty()) {
            throw new InvalidInputException("department", "unknown department code '" + dept + "'");
        }
        if (roles.contains(Roles.REVIEWER) && dept == null) {
            throw new InvalidInputException("department", "a reviewer decides for one department: give its code");
        }
        return dept;
    }
}
