package org.onewindow.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A deliberately small limiter for the progress look-up, which answers anonymous callers who hold a
 * number and six characters of an ID: each client (remote address) may fail a limited number of
 * look-ups per window; after that every look-up is refused (429 with Retry-After) until the window
 * ends, so that guessing ID tails is slow. Successful look-ups are not counted.
 * <p>Kept separate on purpose: issue 16 brings a per-client rate limiter for every anonymous
 * endpoint; this one should then be replaced by it (docs/operator.md, notes/issue-13.md).
 */
@ApplicationScoped
public class ProgressLimiter {

    private record Window(Instant start, int failures) {
    }

    @Inject
    Clock clock;

    @ConfigProperty(name = "onewindow.progress.failures-per-window", defaultValue = "10")
    int allowed;

    @ConfigProperty(name = "onewindow.progress.window", defaultValue = "PT10M")
    Duration window;

    private final ConcurrentHashMap<String, Window> clients = new ConcurrentHashMap<>();

    /** Seconds to wait before this client may look up again; 0 when it may now. */
    public long retryAfter(String client) {
        Window w = current(client);
        if (w == null || w.failures() < allowed) {
            return 0;
        }
        return Math.max(1, Duration.between(clock.instant(), w.start().plus(window)).toSeconds());
    }

    /** Counts a failed look-up of this client. */
    public void failed(String client) {
        Instant now = clock.instant();
        clients.compute(client, (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
        if (clients.size() > 10_000) {
            clients.entrySet().removeIf(e -> expired(e.getValue(), now)); // bounded memory under a scan
        }
    }

    private Window current(String client) {
        Window w = clients.get(client);
        return w == null || expired(w, clock.instant()) ? null : w;
    }

    private boolean expired(Window w, Instant now) {
        // a clock set back (tests) starts a new window too
        return !now.isBefore(w.start().plus(window)) || now.isBefore(w.start());
    }
}
