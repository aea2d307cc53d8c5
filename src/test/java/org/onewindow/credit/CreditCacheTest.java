package org.onewindow.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.onewindow.intake.CreditStanding;

/** The brief credit cache never answers from before a change, nor while nobody reports changes. */
class CreditCacheTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final CreditStanding GOOD = new CreditStanding(CreditStanding.GOOD, "local-list", null, null, null,
            null, DAY);
    private static final CreditStanding BAD = new CreditStanding(CreditStanding.BAD, "local-list", "失信被执行人",
            "court", DAY, null, DAY);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicReference<CreditStanding> registry = new AtomicReference<>(GOOD);
    private final AtomicInteger queries = new AtomicInteger();
    private final CreditCache cache = new CreditCache(2_000_000_000L, now::get);

    private CreditStanding lookup(String subject) {
        return cache.lookup(subject, DAY, () -> {
            queries.incrementAndGet();
            return registry.get();
        });
    }

    @Test
    void answersFromTheCacheOnlyWhileChangesAreReported() {
        lookup("S");
        lookup("S");
        assertEquals(2, queries.get(), "not listening: every look-up asks the registry");
        cache.live(true);
        lookup("S");
        lookup("S");
        assertEquals(3, queries.get(), "listening: the second look-up is cached");
        cache.live(false);
        registry.set(BAD);
        assertEquals(CreditStanding.BAD, lookup("S").status(), "the listener went down: the cache is not used");
    }

    @Test
    void whatItAnswersWithoutWaitingIsWhatALookUpWouldTake() {
        lookup("S");
        assertEquals(null, cache.cached("S", DAY), "not listening: nothing without a look-up");
        cache.live(true);
        assertEquals(null, cache.cached("S", DAY), "never looked up while listening");
        lookup("S");
        assertEquals(GOOD, cache.cached("S", DAY));
        assertEquals(null, cache.cached("S", DAY.plusDays(1)), "another day is another entry");
        assertEquals(null, cache.cached("T", DAY));
        cache.invalidate();
        assertEquals(null, cache.cached("S", DAY), "a change reported: the entry is not served");
        lookup("S");
        now.addAndGet(2_000_000_000L);
        assertEquals(null, cache.cached("S", DAY), "older than the TTL");
        assertEquals(3, queries.get(), "cached() never asks the registry");
    }

    @Test
    void aListingIsSeenAsSoonAsTheChangeIsReported() {
        cache.live(true);
        assertEquals(CreditStanding.GOOD, lookup("S").status());
        registry.set(BAD);
        cache.invalidate();
        assertEquals(CreditStanding.BAD, lookup("S").status());
    }

    @Test
    void aLookUpUnderWayDuringAChangeIsNotKept() {
        cache.live(true);
        // the registry read the old list, and the change was reported before the answer came back
        CreditStanding read = cache.lookup("S", DAY, () -> {
            cache.invalidate();
            registry.set(BAD);
            return GOOD;
        });
        assertEquals(CreditStanding.GOOD, read.status(), "that caller got what the registry said then");
        assertEquals(CreditStanding.BAD, lookup("S").status(), "but nobody after it");
    }

    @Test
    void entriesExpireEvenWithoutAReportedChange() {
        cache.live(true);
        lookup("S");
        registry.set(BAD);
        now.addAndGet(1_999_000_000L);
        assertEquals(CreditStanding.GOOD, lookup("S").status(), "within the time to live");
        now.addAndGet(2_000_000L);
        assertEquals(CreditStanding.BAD, lookup("S").status(), "past it");
    }

    @Test
    void anUnreachableRegistryIsNeverKeptAndDaysAreSeparate() {
        cache.live(true);
        registry.set(CreditStanding.unknown("registry-unavailable", DAY));
        lookup("S");
        registry.set(GOOD);
        assertEquals(CreditStanding.GOOD, lookup("S").status());
        registry.set(BAD);
        assertEquals(CreditStanding.BAD, cache.lookup("S", DAY.plusDays(1), registry::get).status(),
                "another day is another question");
    }

    @Test
    void noTimeToLiveMeansNoCache() {
        CreditCache off = new CreditCache(0, now::get);
        off.live(true);
        off.lookup("S", DAY, registry::get);
        registry.set(BAD);
        assertEquals(CreditStanding.BAD, off.lookup("S", DAY, registry::get).status());
    }
}
