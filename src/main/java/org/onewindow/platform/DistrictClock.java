package org.onewindow.platform;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of the application: decisions, deadlines and receipts use the district's own
 * calendar day ({@code onewindow.zone}, default Asia/Shanghai), never the JVM's default zone, so
 * a server running in UTC does not date a 07:30 application the day before. Tests replace it with
 * a clock they can move.
 */
@ApplicationScoped
public class DistrictClock {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "onewindow.zone", defaultValue = "Asia/Shanghai") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
