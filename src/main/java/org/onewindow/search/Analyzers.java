package org.onewindow.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analysis chain, one analyzer per field family:
 * <ul>
 * <li>{@code *_w} — SmartChineseAnalyzer words (开饭店 → 开/饭店): precise, dictionary based;</li>
 * <li>{@code *_bi} — CJK bigrams (营业执照 → 营业/业执/执照): finds words the dictionary does not
 * know (经营许可, 容缺) and partial names;</li>
 * <li>{@code *_py} — pinyin syllable pairs (营业执照 → ying ye/ye zhi/zhi zhao): homophone typos;</li>
 * <li>{@code *_en} — the English name, aliases and body, with Lucene's English analyser (stemming).</li>
 * </ul>
 * docs/search.md explains the choice with the relevance numbers of each chain.
 */
final class Analyzers {

    static final String WORDS = "_w";
    static final String BIGRAMS = "_bi";
    static final String PINYIN = "_py";
    static final String ENGLISH = "_en";

    private Analyzers() {
    }

    static Analyzer words() {
        return new SmartChineseAnalyzer();
    }

    static Analyzer bigrams() {
        // no stop words: 的/是/在 matter little in bigrams and dropping them breaks names
        return new CJKAnalyzer(CharArraySet.EMPTY_SET);
    }

    static Analyzer pinyin() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                PinyinTokenizer tokenizer = new PinyinTokenizer();
                ShingleFilter pairs = new ShingleFilter(tokenizer, 2, 2);
                pairs.setOutputUnigrams(false); // a single syllable matches far too much
                pairs.setOutputUnigramsIfNoShingles(true);
                return new TokenStreamComponents(tokenizer, pairs);
            }
        };
    }

    /**
     * English: Lucene's EnglishAnalyzer (standard tokenizer, possessives, lower case, English stop
     * words, Porter stemming) — "pensions" finds "pension", "registering" finds "registration".
     */
    static Analyzer english() {
        return new org.apache.lucene.analysis.en.EnglishAnalyzer();
    }

    /** The analyzer per field, by suffix; anything else is a keyword field. */
    static Analyzer perField(Analyzer words, Analyzer bigrams, Analyzer pinyin) {
        Analyzer english = english();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.ofEntries(
                Map.entry(SearchFields.NAME + WORDS, words), Map.entry(SearchFields.ALIAS + WORDS, words),
                Map.entry(SearchFields.BODY + WORDS, words), Map.entry(SearchFields.NAME + BIGRAMS, bigrams),
                Map.entry(SearchFields.ALIAS + BIGRAMS, bigrams), Map.entry(SearchFields.BODY + BIGRAMS, bigrams),
                Map.entry(SearchFields.NAME + PINYIN, pinyin), Map.entry(SearchFields.ALIAS + PINYIN, pinyin),
                Map.entry(SearchFields.NAME + ENGLISH, english), Map.entry(SearchFields.ALIAS + ENGLISH, english),
                Map.entry(SearchFields.BODY + ENGLISH, english)));
    }
}
