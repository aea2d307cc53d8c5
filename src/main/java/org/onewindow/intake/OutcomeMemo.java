package org.onewindow.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prepared decisions ({@link DecisionLog.Prepared}: the outcome, its JSON and compressed form, the
 * situation's canonical JSON and hash) by the situation they answer, for one decider — one
 * knowledge base and one rule set. A decision is a function of the decider, the credited
 * situation, the day it is made for and the applicant's library holdings; the memo's key is
 * exactly those, so a repeated situation is answered with the bytes an earlier identical
 * decision produced, instead of deciding, serialising and compressing it again (about 180 µs of
 * CPU per evaluate, docs/benchmarks.md "HTTP"). Every request is still recorded on its own, with
 * its own id and reference; the memo only saves recomputing what would be identical.
 *
 * <p>Bounded by an estimate of the memory it holds (least recently used entries leave first); a
 * new knowledge base or rule set gets a new decider and so a new, empty memo.
 */
final class OutcomeMemo {

    /** What a decision depends on besides the decider: see the class comment. */
    record Key(Situation situation, LocalDate day, Set<String> holdings) {
    }

    private final long budget;
    private long weight;
    private final LinkedHashMap<Key, DecisionLog.Prepared> entries = new LinkedHashMap<>(256, 0.75f, true);

    /** @param budgetBytes about how much memory the memo may hold; 0 keeps nothing */
    OutcomeMemo(long budgetBytes) {
        this.budget = budgetBytes;
    }

    synchronized DecisionLog.Prepared get(Key key) {
        return entries.get(key);
    }

    /** Keeps a prepared decision, made for {@code key}, unless it alone exceeds the budget. */
    synchronized void put(Key key, DecisionLog.Prepared prepared) {
        long w = prepared.weight();
        if (w > budget) {
            return;
        }
        DecisionLog.Prepared old = entries.put(key, prepared);
        weight += w - (old == null ? 0 : old.weight());
        var it = entries.entrySet().iterator();
        while (weight > budget && it.hasNext()) {
            Map.Entry<Key, DecisionLog.Prepared> eldest = it.next();
            weight -= eldest.getValue().weight();
            it.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
