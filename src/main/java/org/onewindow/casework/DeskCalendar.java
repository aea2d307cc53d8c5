package org.onewindow.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;

/**
 * Today and working days for the desk: the district clock ({@link Clock}, movable in tests) and the
 * holiday calendars of the serving knowledge base, built once per knowledge-base version.
 */
@ApplicationScoped
public class DeskCalendar {

    @Inject
    Clock clock;

    @Inject
    CatalogueRegistry catalogues;

    private record Cached(String catalogueVersion, WorkingDays days) {
    }

    private final AtomicReference<Cached> cached = new AtomicReference<>();

    /** Today in the district: dates on documents and deadlines are local dates. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The district's time zone, for showing timeline moments. */
    public String zone() {
        return clock.getZone().getId();
    }

    public WorkingDays workingDays() {
        Catalogue catalogue = catalogues.current();
        Cached c = cached.get();
        if (c == null || !c.catalogueVersion().equals(catalogue.version())) {
            c = new Cached(catalogue.version(), new WorkingDays(catalogue.calendars()));
            cached.set(c);
        }
        return c.days();
    }
}
