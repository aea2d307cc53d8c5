package org.onewindow.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random test values from a seeded random source: just enough combinators for
 * the fuzz test to describe what it sends (one of these values, a list of those, this mapped,
 * that chosen by weight). The same seed gives the same sequence, so a failure can be replayed.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(SplittableRandom random);

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return r -> values[r.nextInt(values.length)];
    }

    static <T> Gen<T> of(List<T> values) {
        return r -> values.get(r.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }

    /** One of the generators, chosen with the given weights ({@code weight, gen, weight, gen, …}). */
    @SuppressWarnings("unchecked")
    static <T> Gen<T> frequency(Object... weightsAndGens) {
        int total = 0;
        for (int i = 0; i < weightsAndGens.length; i += 2) {
            total += (Integer) weightsAndGens[i];
        }
        int sum = total;
        return r -> {
            int pick = r.nextInt(sum);
            for (int i = 0; i < weightsAndGens.length; i += 2) {
                pick -= (Integer) weightsAndGens[i];
                if (pick < 0) {
                    return ((Gen<T>) weightsAndGens[i + 1]).next(r);
                }
            }
            throw new IllegalStateException();
        };
    }

    static Gen<Integer> integers() {
        return SplittableRandom::nextInt;
    }

    static Gen<Integer> between(int min, int max) {
        return r -> min + r.nextInt(max - min + 1);
    }

    static Gen<BigDecimal> decimals() {
        return r -> BigDecimal.valueOf(r.nextLong(), r.nextInt(-20, 21));
    }

    /** Any text up to {@code maxLength} characters, from the whole range of UTF-16 code units. */
    static Gen<String> strings(int maxLength) {
        return r -> {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(maxLength + 1);
            for (int i = 0; i < n; i++) {
                s.append((char) r.nextInt(Character.MAX_VALUE + 1));
            }
            return s.toString();
        };
    }

    /** Text up to {@code maxLength} characters taken from {@code chars}. */
    static Gen<String> strings(String chars, int maxLength) {
        return r -> {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(maxLength + 1);
            for (int i = 0; i < n; i++) {
                s.append(chars.charAt(r.nextInt(chars.length())));
            }
            return s.toString();
        };
    }

    /** Letters only, exactly {@code length} of them. */
    static Gen<String> letters(int length) {
        return r -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append((char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(26)));
            }
            return s.toString();
        };
    }

    static <A, B, T> Gen<T> combine(Gen<A> a, Gen<B> b, BiFunction<A, B, T> f) {
        return r -> f.apply(a.next(r), b.next(r));
    }

    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return r -> f.apply(next(r));
    }

    default <U> Gen<U> flatMap(Function<? super T, Gen<U>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Values that pass {@code keep}; gives up after a thousand tries in a row. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return r -> {
            for (int i = 0; i < 1000; i++) {
                T value = next(r);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter keeps almost nothing");
        };
    }

    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int n = min + r.nextInt(max - min + 1);
            List<T> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(next(r));
            }
            return items;
        };
    }
}
