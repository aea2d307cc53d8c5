package org.onewindow.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Restores the member of staff behind a session cookie: the session and the account are read
 * again on each request, so a logout, a deactivated account or a changed role takes effect at once
 * — on every node.
 */
@ApplicationScoped
public class StaffSessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    /** Identity attribute: the session id, for binding CSRF tokens to the session (never sent out). */
    public static final String SESSION_ATTRIBUTE = "sessionId";

    @Inject
    StaffSessions sessions;

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            StaffUser user = sessions.resume(request.sessionId()).orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder(StaffIdentityProvider.identity(user))
                    .addAttribute(SESSION_ATTRIBUTE, request.sessionId()).build();
        });
    }
}
