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
 * <li>{@code *_py} — pinyin syllable pairs (营业执照 → ying ye/ye zhi/zhi zhao): homophone typos.</li>
 * </ul>
 * docs/search.md explains the choice with the relevance numbers of each chain.
 */
final class Analyzers {

    static final String WORDS = "_w";
    static final String BIGRAMS = "_bi";
    static final String PINYIN = "_py";

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

    /** The analyzer per field, by suffix; anything else is a keyword field. */
    static Analyzer perField(Analyzer words, Analyzer bigrams, Analyzer pinyin) {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                SearchFields.NAME + WORDS, words, SearchFields.ALIAS + WORDS, words, SearchFields.BODY + WORDS, words,
                SearchFields.NAME + BIGRAMS, bigrams, SearchFields.ALIAS + BIGRAMS, bigrams,
                SearchFields.BODY + BIGRAMS, bigrams,
                SearchFields.NAME + PINYIN, pinyin, SearchFields.ALIAS + PINYIN, pinyin));
    }
}
