package org.onewindow.credit;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.onewindow.intake.CreditStanding;

/**
 * A brief cache of the registry's answers (issue 15: the query was ~11 % of an evaluate request),
 * which must never report a newly listed subject as {@code good}. Three rules make sure of it:
 * <ul>
 * <li>it answers only while it is {@link #live} — while something that is told of every change
 * to the lists is connected (the LISTEN of {@link DatabaseCreditRegistry}); otherwise every
 * look-up goes to the database;</li>
 * <li>every change {@link #invalidate}s it: a new generation, and the entries of older generations
 * are never served. A look-up that was under way during a change is not kept (it may have read
 * the old list): an entry is kept only if the generation did not move while it was read;</li>
 * <li>an entry lives at most {@code ttlNanos} even so, and {@code unknown} (registry unreachable)
 * is never kept.</li>
 * </ul>
 */
final class CreditCache {

    private record Key(String subject, LocalDate day) {
    }

    private record Entry(CreditStanding standing, long generation, long storedAt) {
    }

    /** More subjects than this at once: start afresh (a bound, not a policy; a day's distinct applicants). */
    static final int MAX_ENTRIES = 50_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean live;

    CreditCache(long ttlNanos, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * The standing of a (normalised) subject on a day: from the cache when it may answer, else
     * from {@code registry}, kept when nothing changed meanwhile.
     */
    CreditStanding lookup(String subject, LocalDate day, Supplier<CreditStanding> registry) {
        if (ttlNanos <= 0 || !live) {
            return registry.get();
        }
        Key key = new Key(subject, day);
        long gen = generation.get();
        Entry e = entries.get(key);
        if (e != null && e.generation() == gen && nanoTime.getAsLong() - e.storedAt() < ttlNanos) {
            return e.standing();
        }
        long started = nanoTime.getAsLong();
        CreditStanding read = registry.get();
        if (!CreditStanding.UNKNOWN.equals(read.status()) && live && generation.get() == gen) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            // aged from before the read: never older than ttl after the list it saw was current
            entries.put(key, new Entry(read, gen, started));
        }
        return read;
    }

    /**
     * The standing of a (normalised) subject on a day if the cache may answer it now (as
     * {@link #lookup} would, without asking the registry); null otherwise.
     */
    CreditStanding cached(String subject, LocalDate day) {
        if (ttlNanos <= 0 || !live) {
            return null;
        }
        long gen = generation.get();
        Entry e = entries.get(new Key(subject, day));
        return e != null && e.generation() == gen && nanoTime.getAsLong() - e.storedAt() < ttlNanos ? e.standing() : null;
    }

    /** The lists changed (or may have): nothing read before now is served again. */
    void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Whether changes are being reported; going down or coming up both invalidate. */
    void live(boolean live) {
        invalidate();
        this.live = live;
        invalidate();
    }

    long generation() {
        return generation.get();
    }
}
