package org.onewindow.web;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One value per pair of serving snapshots (knowledge base, rule set): the static checks and the
 * quality gate read nothing else, so an anonymous GET need not recompute them (they took 100–200 ms
 * each) until a reload publishes new rules or guides.
 */
final class PerVersion<T> {

    private record Entry<T>(String key, T value) {
    }

    private final AtomicReference<Entry<T>> last = new AtomicReference<>();

    T get(String catalogueVersion, String ruleSetVersion, Supplier<T> compute) {
        String key = catalogueVersion + "/" + ruleSetVersion;
        Entry<T> entry = last.get();
        if (entry != null && entry.key().equals(key)) {
            return entry.value();
        }
        T value = compute.get();
        last.set(new Entry<>(key, value));
        return value;
    }
}
