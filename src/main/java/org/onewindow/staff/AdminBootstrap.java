package org.onewindow.staff;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * On a start with {@code ONEWINDOW_ADMIN_PASSWORD} (config {@code onewindow.admin.password}) set
 * and no account named {@code admin}, creates it with every role. An existing admin is never
 * changed, so the variable can stay set.
 */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    @Inject
    StaffDirectory directory;

    @ConfigProperty(name = "onewindow.admin.password")
    Optional<String> password;

    void onStart(@Observes StartupEvent start) {
        if (password.isEmpty() || password.get().isBlank()) {
            if (directory.list().isEmpty()) {
                LOG.info("no staff accounts: set ONEWINDOW_ADMIN_PASSWORD to create the 'admin' account");
            }
            return;
        }
        String problem = PasswordPolicy.problem("admin", password.get());
        if (problem != null) {
            // the password itself is never logged, only what is wrong with it
            LOG.errorf("ONEWINDOW_ADMIN_PASSWORD is not acceptable (%s): no admin account created", problem);
            return;
        }
        if (directory.create("admin", password.get(), "系统管理员 Administrator", Roles.ALL, null)) {
            LOG.info("created the 'admin' account with every role");
        }
    }
}
