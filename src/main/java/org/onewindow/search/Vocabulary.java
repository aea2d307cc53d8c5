package org.onewindow.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.onewindow.guide.Synonym;

/**
 * The vocabulary (how people say it → what the guides call it), prepared once per index so that a
 * search only looks up what its question contains: each Chinese colloquial word filed under its first
 * character, each English entry's words already lower-cased and padded. Which entries match, and the
 * order of the official terms they give, are those of a plain scan of every entry in file order.
 */
final class Vocabulary {

    private final List<Synonym> entries;
    /** Chinese entries' words by their first character: {word, entry index}. */
    private final Map<Character, List<Word>> byFirstChar = new HashMap<>();
    /** English entries (every word in Latin script): their words normalised as the question is. */
    private final List<EnglishEntry> english = new ArrayList<>();

    private record Word(String text, int entry) {
    }

    private record EnglishEntry(List<String> paddedWords, List<String> means) {
    }

    Vocabulary(List<Synonym> synonyms) {
        this.entries = List.copyOf(synonyms);
        for (int i = 0; i < entries.size(); i++) {
            Synonym s = entries.get(i);
            if (englishEntry(s)) {
                english.add(new EnglishEntry(s.words().stream().map(w -> " " + normalised(w).strip() + " ").toList(),
                        s.means()));
            } else {
                for (String w : s.words()) {
                    if (w.isEmpty()) {
                        // "".contains("") is true for every question: the plain scan matched it always
                        byFirstChar.computeIfAbsent(null, k -> new ArrayList<>()).add(new Word(w, i));
                    } else {
                        byFirstChar.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(new Word(w, i));
                    }
                }
            }
        }
    }

    /** The official terms whose colloquial (non-English) words occur in the question, in vocabulary order. */
    List<String> expansions(String text) {
        BitSet matched = new BitSet(entries.size());
        for (Word w : byFirstChar.getOrDefault(null, List.of())) {
            matched.set(w.entry());
        }
        for (int at = 0; at < text.length(); at++) {
            List<Word> words = byFirstChar.get(text.charAt(at));
            if (words == null) {
                continue;
            }
            for (Word w : words) {
                if (!matched.get(w.entry()) && text.startsWith(w.text(), at)) {
                    matched.set(w.entry());
                }
            }
        }
        if (matched.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
            out.addAll(entries.get(i).means());
        }
        return List.copyOf(out);
    }

    /** What the English everyday words of the question mean: official English terms or Chinese ones. */
    List<String> englishExpansions(String text) {
        String padded = " " + normalised(text) + " ";
        Set<String> out = new LinkedHashSet<>();
        for (EnglishEntry e : english) {
            if (e.paddedWords().stream().anyMatch(padded::contains)) {
                out.addAll(e.means());
            }
        }
        return List.copyOf(out);
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
    }

    static boolean latin(String text) {
        return text.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** A vocabulary entry written in English (its words are Latin script): matched by whole words. */
    private static boolean englishEntry(Synonym s) {
        return !s.words().isEmpty() && s.words().stream().allMatch(Vocabulary::latin);
    }
}
