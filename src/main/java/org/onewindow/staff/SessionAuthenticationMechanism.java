package org.onewindow.staff;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The staff pages' login: a session cookie ({@link #COOKIE}) checked against {@link StaffSessions}.
 * A missing, ended or expired session is simply no login (the kiosk stays public for a browser that
 * still carries an old cookie); a staff page then sends the browser to {@code /login}.
 * Selected for the staff pages by {@code auth-mechanism=session} in application.properties.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String COOKIE = "ow_session";
    public static final String SCHEME = "session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || !cookie.getValue().matches(StaffSessions.ID_PATTERN)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new SessionAuthenticationRequest(cookie.getValue()), context);
        return identityProviderManager.authenticate(request).onFailure().recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String target = context.request().uri();
        String next = target != null && target.startsWith("/") && !target.startsWith("//") && target.length() < 500
                ? "?next=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8) : "";
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login" + next));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE, SCHEME));
    }
}
