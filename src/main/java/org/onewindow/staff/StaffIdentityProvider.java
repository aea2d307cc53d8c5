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
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks an HTTP Basic user name and password against the staff accounts, off the event loop
 * (bcrypt and JDBC block), through the same throttle as the login form: a held-back attempt is a
 * 401 with {@code Retry-After}, whatever the password.
 */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    StaffLogin login;

    @Inject
    StaffDirectory directory;

    @Inject
    VerifiedCredentials verified;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = http == null ? null : ClientAddress.of(http);
        return context.runBlocking(() -> {
            String username = request.getUsername();
            char[] password = request.getPassword().getPassword();
            if (verified.recentlyVerified(username, password)) {
                StaffUser user = directory.find(username).filter(StaffUser::active)
                        .orElseThrow(AuthenticationFailedException::new);
                return identity(user);
            }
            StaffLogin.Result result = login.attempt(username, password, client);
            if (result instanceof StaffLogin.Success success) {
                verified.remember(username, password);
                return identity(success.user());
            }
            long wait = result instanceof StaffLogin.Throttled t ? t.waitSeconds()
                    : ((StaffLogin.Refused) result).waitSeconds();
            if (wait > 0 && http != null) {
                http.response().putHeader("Retry-After", Long.toString(wait));
            }
            throw new AuthenticationFailedException();
        });
    }

    /** The identity of a member of staff: name, display name, department and roles (an admin holds every role). */
    public static SecurityIdentity identity(StaffUser user) {
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
