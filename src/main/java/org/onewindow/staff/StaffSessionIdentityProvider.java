package org.onewindow.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity behind a login session cookie (form authentication): the account is read
 * again on each request, so a deactivated account or a changed role takes effect at once.
 */
@ApplicationScoped
public class StaffSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    StaffDirectory directory;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> StaffIdentityProvider.identity(directory.find(request.getPrincipal())
                .filter(StaffUser::active).orElseThrow(AuthenticationFailedException::new)));
    }
}
