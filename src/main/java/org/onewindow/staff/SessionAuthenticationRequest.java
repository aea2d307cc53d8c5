package org.onewindow.staff;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session id from a staff browser's cookie, to be checked against {@link StaffSessions}. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String sessionId;

    public SessionAuthenticationRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
