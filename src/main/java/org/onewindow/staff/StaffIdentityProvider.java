package org.onewindow.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks a username and password — from the login form or an HTTP Basic header — against the
 * staff accounts, off the event loop (bcrypt and JDBC block).
 */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    StaffDirectory directory;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(directory.authenticate(request.getUsername(),
                request.getPassword().getPassword()).orElseThrow(AuthenticationFailedException::new)));
    }

    /** The identity of a member of staff: name, display name, department and roles (an admin holds every role). */
    static SecurityIdentity identity(StaffUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addAttribute("displayName", user.displayName());
        if (user.department() != null) {
            identity.addAttribute("department", user.department());
        }
        (user.roles().contains(Roles.ADMIN) ? Roles.ALL : user.roles()).forEach(identity::addRole);
        return identity.build();
    }
}
