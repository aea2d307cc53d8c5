package org.onewindow.staff;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One login attempt, from the login form or an HTTP Basic header: first the throttle (a blocked
 * name or client is refused before any password is checked), then the password in constant time,
 * then the count of failures. The same path for known and unknown names.
 */
@ApplicationScoped
public class StaffLogin {

    /** What became of an attempt. */
    public sealed interface Result {
    }

    /** The password was right. */
    public record Success(StaffUser user) implements Result {
    }

    /** Wrong name or password; {@code waitSeconds} &gt; 0 when further tries are now held back. */
    public record Refused(long waitSeconds) implements Result {
    }

    /** Too many failures: not even checked. Try again after {@code waitSeconds}. */
    public record Throttled(long waitSeconds) implements Result {
    }

    @Inject
    StaffDirectory directory;

    @Inject
    LoginThrottle throttle;

    public Result attempt(String username, char[] password, String client) {
        String name = username == null ? "" : username.strip();
        long wait = throttle.waitSeconds(name, client);
        if (wait > 0) {
            return new Throttled(wait);
        }
        Optional<StaffUser> user = name.isEmpty() || name.length() > 64 || password == null ? Optional.empty()
                : directory.authenticate(name, password);
        if (user.isEmpty()) {
            return new Refused(throttle.failed(name, client));
        }
        throttle.succeeded(name);
        return new Success(user.get());
    }
}
