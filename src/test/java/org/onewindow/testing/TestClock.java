package org.onewindow.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The application clock in tests: the real time in the district's zone until a test moves it
 * ({@link #advance}) to drive deadlines and scheduled jobs without waiting. Tests that move it
 * must {@link #reset} it afterwards.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
