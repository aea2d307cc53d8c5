package org.onewindow.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The toneless pinyin of a Chinese character (its first reading), so that a homophone typed by
 * mistake — 营业职照 for 营业执照 — still finds the matter. Readings are cached per character.
 */
final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final ConcurrentHashMap<Character, String> CACHE = new ConcurrentHashMap<>();
    private static final String NONE = "";
    private static final int LONGEST_SYLLABLE = 6;
    private static volatile Set<String> syllables;

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** The syllable of a Han character, or null when the character has none. */
    static String of(char c) {
        String syllable = CACHE.computeIfAbsent(c, Pinyin::lookup);
        return syllable.isEmpty() ? null : syllable;
    }

    /**
     * Splits pinyin typed without spaces into syllables — {@code yingyezhizhao} → ying ye zhi
     * zhao — preferring the fewest syllables; null when the word is not pinyin.
     */
    static List<String> split(String word) {
        Set<String> valid = syllables();
        int n = word.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int len = 1; len <= LONGEST_SYLLABLE && len <= end; len++) {
                int start = end - len;
                if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end]
                        && valid.contains(word.substring(start, end))) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            parts.add(0, word.substring(from[end], end));
        }
        return parts;
    }

    /** Every syllable the common Han characters (U+4E00–U+9FA5) are read with. */
    private static Set<String> syllables() {
        Set<String> s = syllables;
        if (s == null) {
            Set<String> all = new HashSet<>();
            for (char c = 0x4E00; c <= 0x9FA5; c++) {
                String syllable = of(c);
                if (syllable != null) {
                    all.add(syllable);
                }
            }
            syllables = s = Set.copyOf(all);
        }
        return s;
    }

    private static String lookup(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? NONE : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
