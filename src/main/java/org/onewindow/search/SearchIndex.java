package org.onewindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.onewindow.guide.Synonym;

/**
 * An immutable, in-memory Lucene index of every matter and life event, with its type-ahead
 * suggester. Built whole from the knowledge base; a new one replaces it when the knowledge base or
 * the rules change. Queries are built from analysed tokens, never parsed, so no character a citizen
 * types is query syntax.
 */
public final class SearchIndex implements AutoCloseable {

    /**
     * Which parts of the analysis chain take part in queries — all of them in production; the
     * relevance evaluation switches them off one by one to show what each contributes.
     */
    public record Options(boolean words, boolean bigrams, boolean pinyin, boolean synonyms, boolean english) {
        public static final Options ALL = new Options(true, true, true, true, true);

        /** The Chinese chain's parts (English on). */
        public Options(boolean words, boolean bigrams, boolean pinyin, boolean synonyms) {
            this(words, bigrams, pinyin, synonyms, true);
        }
    }

    /** Field boosts: name and aliases weigh far more than the body of a guide. */
    private static final float NAME = 4f;
    private static final float ALIAS = 3f;
    private static final float BODY = 1f;
    private static final float PINYIN = 1.5f;
    private static final float SYNONYM = 0.8f;
    /** Keyword field naming each entry's static weight (SearchEntry.weight): the query splits by it. */
    private static final String WEIGHT = "weight";
    /**
     * Matches are counted exactly up to this many; past it the count is "more than" this and Lucene
     * may skip non-competitive documents. The kiosk pages through at most 100 × 10 of them anyway.
     */
    public static final int COUNT_LIMIT = 1000;
    /** Distinct tokens of one analysed form of the citizen's question kept in the query (see rarest). */
    static final int MAX_TERMS_PER_FORM = 8;
    private static final int SUGGESTION_WEIGHT_EVENT = 20;
    private static final int SUGGESTION_WEIGHT_NAME = 10;
    private static final int SUGGESTION_WEIGHT_ALIAS = 5;

    private final Analyzer words = Analyzers.words();
    private final Analyzer bigrams = Analyzers.bigrams();
    private final Analyzer pinyin = Analyzers.pinyin();
    private final Analyzer english = Analyzers.english();
    // memory-mapped files (a temporary folder, or one kept between starts: IndexFolders): searching
    // them is several times faster than a ByteBuffersDirectory (measured; docs/benchmarks.md), and the
    // OS page cache keeps them in memory
    private final IndexFolders.Folder folder;
    private final org.apache.lucene.store.Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final AnalyzingInfixSuggester suggester;
    private final UnifiedHighlighter highlighter; // thread-safe; re-analyses the stored text of the hits shown
    private final List<Synonym> synonyms;
    private final Options options;
    private final int size;
    /** The distinct static weights of the entries, each a clause of the query (see relevance). */
    private final List<Float> weights;
    private final boolean hasEvents;
    /** Count matches exactly up to this many (COUNT_LIMIT unless configured). */
    private final int countLimit;

    private SearchIndex(List<SearchEntry> entries, List<Synonym> synonyms, Options options, int countLimit,
            IndexFolders folders) throws IOException {
        if (countLimit < 1) {
            throw new IllegalArgumentException("the count limit must be positive: " + countLimit);
        }
        this.countLimit = countLimit;
        this.synonyms = List.copyOf(synonyms);
        this.options = options;
        this.folder = folders.open(entries, into -> fill(into, entries));
        this.directory = new org.apache.lucene.store.MMapDirectory(folder.path().resolve(MAIN));
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        UnifiedHighlighter.Builder marking = UnifiedHighlighter.builder(searcher, bigrams)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(2000)
                .withWeightMatches(false)
                .withBreakIterator(() -> java.text.BreakIterator.getSentenceInstance(Locale.CHINA));
        // the offsets come from analysing the stored text of the page's hits again (a small in-memory index
        // of the query's terms per hit), not from the postings: with offsets in the postings the highlighter
        // looked every query term up in the whole index for each hit and field, a third of a search at 100k
        // guides; the marks and the passages chosen are the same (docs/benchmarks.md)
        this.highlighter = new UnifiedHighlighter(marking) {
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.ANALYSIS;
            }
        };
        this.size = entries.size();
        this.weights = entries.stream().map(SearchEntry::weight).distinct().sorted().toList();
        this.hasEvents = entries.stream().anyMatch(e -> SearchEntry.EVENT.equals(e.kind()));
        this.suggester = new AnalyzingInfixSuggester(new org.apache.lucene.store.MMapDirectory(
                folder.path().resolve(SUGGEST)), Analyzers.bigrams(), Analyzers.bigrams(), 1, false);
    }

    private static final String MAIN = "main";
    private static final String SUGGEST = "suggest";

    /** Writes the index of the entries and the suggester's into a folder ({@link IndexFolders} keeps it or not). */
    private void fill(java.nio.file.Path into, List<SearchEntry> entries) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField(words, bigrams, pinyin))
                .setRAMBufferSizeMB(128);
        try (org.apache.lucene.store.Directory main = new org.apache.lucene.store.MMapDirectory(into.resolve(MAIN));
                IndexWriter writer = new IndexWriter(main, config)) {
            for (SearchEntry entry : entries) {
                writer.addDocument(document(entry));
            }
        }
        try (AnalyzingInfixSuggester build = new AnalyzingInfixSuggester(new org.apache.lucene.store.MMapDirectory(
                into.resolve(SUGGEST)), Analyzers.bigrams(), Analyzers.bigrams(), 1, true)) {
            build.build(new SuggestionInputs(suggestions(entries)));
        }
    }

    public static SearchIndex build(List<SearchEntry> entries, List<Synonym> synonyms) {
        return build(entries, synonyms, Options.ALL);
    }

    public static SearchIndex build(List<SearchEntry> entries, List<Synonym> synonyms, Options options) {
        return build(entries, synonyms, options, COUNT_LIMIT);
    }

    /** An index that counts matches exactly up to {@code countLimit} and says "more than" past it. */
    public static SearchIndex build(List<SearchEntry> entries, List<Synonym> synonyms, Options options, int countLimit) {
        return build(entries, synonyms, options, countLimit, IndexFolders.temporary());
    }

    /** Built in (or opened from) a folder {@code folders} gives: kept between starts when it is a cache. */
    static SearchIndex build(List<SearchEntry> entries, List<Synonym> synonyms, Options options, IndexFolders folders) {
        return build(entries, synonyms, options, COUNT_LIMIT, folders);
    }

    /** Counting up to {@code countLimit}, built in (or opened from) a folder {@code folders} gives. */
    static SearchIndex build(List<SearchEntry> entries, List<Synonym> synonyms, Options options, int countLimit,
            IndexFolders folders) {
        try {
            return new SearchIndex(entries, synonyms, options, countLimit, folders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    public int size() {
        return size;
    }

    /** The searcher, for tests that inspect how Lucene runs the queries. */
    IndexSearcher searcher() {
        return searcher;
    }

    private static String weightKey(float weight) {
        return Float.toString(weight);
    }

    /** Whether the index was opened from the cache rather than built. */
    boolean fromCache() {
        return folder.cached();
    }

    /** The folder of the index's files. */
    java.nio.file.Path folder() {
        return folder.path();
    }

    private static Document document(SearchEntry e) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KIND, e.kind(), Field.Store.YES));
        doc.add(new StringField(SearchFields.CODE, e.code(), Field.Store.YES));
        if (e.window() != null) {
            doc.add(new StringField(SearchFields.WINDOW, e.window(), Field.Store.YES));
        }
        if (e.department() != null) {
            doc.add(new StringField(SearchFields.DEPARTMENT, e.department(), Field.Store.YES));
        }
        doc.add(new StringField("nameEn", e.nameEn() == null ? "" : e.nameEn(), Field.Store.YES));
        doc.add(new StringField("departmentName", e.departmentName() == null ? "" : e.departmentName(), Field.Store.YES));
        doc.add(new StringField("departmentNameEn", e.departmentNameEn() == null ? "" : e.departmentNameEn(),
                Field.Store.YES));
        doc.add(new TextField(SearchFields.NAME + Analyzers.ENGLISH, e.nameEn() == null ? "" : e.nameEn(), Field.Store.NO));
        doc.add(new TextField(SearchFields.ALIAS + Analyzers.ENGLISH, String.join("; ", e.aliasesEn()), Field.Store.NO));
        doc.add(new TextField(SearchFields.BODY + Analyzers.ENGLISH, e.bodyEn() == null ? "" : e.bodyEn(), Field.Store.NO));
        String aliases = String.join("；", e.aliases());
        addText(doc, SearchFields.NAME, e.name(), true);
        addText(doc, SearchFields.ALIAS, aliases, true);
        addText(doc, SearchFields.BODY, e.body(), false);
        doc.add(new StringField(WEIGHT, weightKey(e.weight()), Field.Store.NO));
        return doc;
    }

    /** A text in its three analysed forms; the bigram form is stored for highlighting (and display). */
    private static void addText(Document doc, String field, String text, boolean withPinyin) {
        String value = text == null ? "" : text;
        doc.add(new TextField(field + Analyzers.WORDS, value, Field.Store.NO));
        doc.add(new TextField(field + Analyzers.BIGRAMS, value, Field.Store.YES));
        if (withPinyin) {
            doc.add(new TextField(field + Analyzers.PINYIN, value, Field.Store.NO));
        }
    }

    private static List<SuggestionInputs.Suggestion> suggestions(List<SearchEntry> entries) {
        List<SuggestionInputs.Suggestion> list = new ArrayList<>();
        for (SearchEntry e : entries) {
            long base = SearchEntry.EVENT.equals(e.kind()) ? SUGGESTION_WEIGHT_EVENT : 0;
            list.add(new SuggestionInputs.Suggestion(e.name(), base + SUGGESTION_WEIGHT_NAME, e.name()));
            for (String alias : e.aliases()) {
                list.add(new SuggestionInputs.Suggestion(alias, base + SUGGESTION_WEIGHT_ALIAS, e.name()));
            }
        }
        return list;
    }

    // --- searching ------------------------------------------------------------------------------

    public SearchResult search(String text, int limit, String window, String department) {
        return search(text, limit, 0, window, department);
    }

    /**
     * One page of results: {@code limit} hits from {@code offset}. Matches are counted exactly up to
     * the count limit ({@link #COUNT_LIMIT} by default); beyond it Lucene stops counting and skips the documents that cannot
     * reach the page (block-max WAND / MaxScore), and the result says "more than" the limit.
     */
    public SearchResult search(String text, int limit, int offset, String window, String department) {
        try {
            List<String> meant = options.synonyms() ? expansions(text) : List.of();
            int wanted = Math.max(1, offset + limit);
            Query query = filtered(relevance(text, meant), window, department);
            TopDocs top = top(query, wanted);
            if (top.totalHits.value == 0 && options.pinyin()) {
                // nothing shares a word or a homophone: allow one wrong letter per pinyin pair
                query = filtered(fuzzyPinyin(text), window, department);
                top = top(query, wanted);
            }
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            // the collector counted past max(countLimit, wanted) before it began to skip: "more than countLimit" is true
            long total = exact ? top.totalHits.value : countLimit;
            List<SearchHit> hits = hits(top, highlightQuery(text, meant), offset);
            // life events are few: counting the ones that match is a conjunction led by their short postings list
            // (and nothing at all in an index without events, where even the term look-ups would be wasted)
            long events = !hasEvents ? 0 : searcher.count(new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermQuery(new Term(SearchFields.KIND, SearchEntry.EVENT)), Occur.FILTER).build());
            return new SearchResult(total, hits, offset == 0 ? suggestion(text, hits) : null, offset,
                    Math.max(0, total - events), events, exact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best {@code wanted} hits; counting stops past the count limit, which lets Lucene skip. */
    private TopDocs top(Query query, int wanted) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(wanted, null, Math.max(countLimit, wanted)));
    }

    /** Type-ahead: official names of matters and events whose name or alias contains the prefix. */
    public List<String> suggest(String prefix, int limit) {
        try {
            Set<String> names = new LinkedHashSet<>();
            for (Lookup.LookupResult r : suggester.lookup(prefix, limit * 3, true, false)) {
                names.add(r.payload.utf8ToString());
                if (names.size() == limit) {
                    break;
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words, bigrams and pinyin of the query, plus the official terms its colloquial words mean. */
    Query relevance(String text) {
        return relevance(text, options.synonyms() ? expansions(text) : List.of());
    }

    /**
     * The text relevance, times the entry's static weight (SearchEntry.weight). The weight is a
     * query-time split, one clause per distinct weight — the text query restricted to the entries of
     * that weight, boosted by it — rather than a function of the score: every clause then still knows
     * its maximum score, so Lucene can skip documents that cannot make the page. The clauses are
     * disjoint, so each document's score is exactly its text score times its weight. An index whose
     * entries all weigh the same (the synthetic one) gets the text query alone.
     */
    private Query relevance(String text, List<String> meant) {
        Query relevance = textRelevance(text, meant);
        if (weights.size() == 1) {
            float only = weights.get(0);
            return only == 1f ? relevance : new BoostQuery(relevance, only);
        }
        BooleanQuery.Builder split = new BooleanQuery.Builder();
        for (float weight : weights) {
            Query tier = new BooleanQuery.Builder().add(relevance, Occur.MUST)
                    .add(new TermQuery(new Term(WEIGHT, weightKey(weight))), Occur.FILTER).build();
            split.add(weight == 1f ? tier : new BoostQuery(tier, weight), Occur.SHOULD);
        }
        return split.build();
    }

    /** The text relevance alone, without the entries' weights (tests compare formulations with it). */
    Query textRelevance(String text) {
        return textRelevance(text, options.synonyms() ? expansions(text) : List.of());
    }

    private Query textRelevance(String text, List<String> meant) {
        Clauses query = new Clauses();
        addFields(query, text, 1f, true);
        if (options.pinyin()) {
            addPinyin(query, text);
        }
        for (String official : meant) {
            addFields(query, official, SYNONYM, false);
        }
        if (options.english() && latin(text)) {
            addEnglish(query, text, 1f);
            for (String meantEn : options.synonyms() ? englishExpansions(text) : List.<String>of()) {
                if (latin(meantEn)) {
                    addEnglish(query, meantEn, SYNONYM);
                } else {
                    addFields(query, meantEn, SYNONYM, false);
                }
            }
        }
        return query.build();
    }

    /**
     * One flat disjunction of boosted term queries. The analysers' queries (a SHOULD disjunction of
     * terms per field and form) are lifted into it with their boosts multiplied through, and a term
     * that several of them produce gets one clause with the sum of their boosts. BM25 is linear in
     * the boost, so every score is the one the nested form gave; but a flat disjunction is what
     * Lucene's MaxScore scorer handles best: it knows each term's maximum score and leaves the
     * common, low-scoring terms out of the documents that cannot compete.
     */
    private static final class Clauses {
        private final Map<Term, Float> terms = new LinkedHashMap<>();
        private final List<Query> others = new ArrayList<>();

        void add(Query q, float boost) {
            add(q, boost, token -> true);
        }

        /** Lifts {@code q} in, leaving out the term queries whose text {@code keep} rejects. */
        void add(Query q, float boost, Predicate<String> keep) {
            if (q == null) {
                return;
            }
            if (q instanceof TermQuery t) {
                if (keep.test(t.getTerm().text())) {
                    terms.merge(t.getTerm(), boost, Float::sum);
                }
            } else if (q instanceof BoostQuery b) {
                add(b.getQuery(), boost * b.getBoost(), keep);
            } else if (q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0
                    && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
                for (BooleanClause c : b.clauses()) {
                    add(c.getQuery(), boost, keep);
                }
            } else {
                others.add(new BoostQuery(q, boost)); // e.g. a SynonymQuery of stacked tokens: kept whole
            }
        }

        Query build() {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            terms.forEach((term, boost) -> query.add(new BoostQuery(new TermQuery(term), boost), Occur.SHOULD));
            others.forEach(q -> query.add(q, Occur.SHOULD));
            return query.build();
        }
    }

    /** The English name, aliases and body, analysed with the English analyser (stems, no stop words). */
    private void addEnglish(Clauses query, String text, float weight) {
        add(query, english, SearchFields.NAME + Analyzers.ENGLISH, text, NAME * weight);
        add(query, english, SearchFields.ALIAS + Analyzers.ENGLISH, text, ALIAS * weight);
        add(query, english, SearchFields.BODY + Analyzers.ENGLISH, text, BODY * weight);
    }

    private static boolean latin(String text) {
        return text.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** A vocabulary entry written in English (its words are Latin script): matched by whole words. */
    private static boolean englishEntry(Synonym s) {
        return !s.words().isEmpty() && s.words().stream().allMatch(SearchIndex::latin);
    }

    /** What the English everyday words of the query mean: official English terms or Chinese ones. */
    List<String> englishExpansions(String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        Set<String> out = new LinkedHashSet<>();
        for (Synonym s : synonyms) {
            if (englishEntry(s) && s.words().stream().anyMatch(w -> lower.contains(" " + w.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", " ").strip() + " "))) {
                out.addAll(s.means());
            }
        }
        return List.copyOf(out);
    }

    /**
     * What to mark in the hits: the distinct bigrams of the query and of the official terms it
     * expands to, as plain term queries on the stored bigram fields. Highlighting with the full
     * relevance query instead costs a weight over every clause for every hit, several milliseconds.
     */
    Query highlightQuery(String text) {
        return highlightQuery(text, options.synonyms() ? expansions(text) : List.of());
    }

    private Query highlightQuery(String text, List<String> meant) {
        Set<String> grams = new LinkedHashSet<>(tokens(bigrams, text));
        for (String official : meant) {
            grams.addAll(tokens(bigrams, official));
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String field : List.of(SearchFields.NAME, SearchFields.ALIAS, SearchFields.BODY)) {
            for (String gram : grams) {
                query.add(new TermQuery(new Term(field + Analyzers.BIGRAMS, gram)), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static final List<String> TEXT_FIELDS = List.of(SearchFields.NAME, SearchFields.ALIAS, SearchFields.BODY);

    /**
     * The text in words and bigrams over name, aliases and body. The citizen's own words are
     * {@code capped} (see {@link #rarest}); the official terms of the vocabulary are short and
     * are what the question means, so they are kept whole.
     */
    private void addFields(Clauses query, String text, float weight, boolean capped) {
        Predicate<String> keepWords = capped && options.words() ? rarest(words, Analyzers.WORDS, TEXT_FIELDS, text)
                : token -> true;
        Predicate<String> keepBigrams = capped && options.bigrams()
                ? rarest(bigrams, Analyzers.BIGRAMS, TEXT_FIELDS, text) : token -> true;
        for (String field : TEXT_FIELDS) {
            float boost = (field.equals(SearchFields.NAME) ? NAME : field.equals(SearchFields.ALIAS) ? ALIAS : BODY) * weight;
            if (options.words()) {
                add(query, words, field + Analyzers.WORDS, text, boost, keepWords);
            }
            if (options.bigrams()) {
                add(query, bigrams, field + Analyzers.BIGRAMS, text, boost, keepBigrams);
            }
        }
    }

    private void addPinyin(Clauses query, String text) {
        Predicate<String> keep = rarest(pinyin, Analyzers.PINYIN, List.of(SearchFields.NAME, SearchFields.ALIAS), text);
        add(query, pinyin, SearchFields.NAME + Analyzers.PINYIN, text, PINYIN, keep);
        add(query, pinyin, SearchFields.ALIAS + Analyzers.PINYIN, text, PINYIN, keep);
    }

    private static void add(Clauses query, Analyzer analyzer, String field, String text, float boost) {
        add(query, analyzer, field, text, boost, token -> true);
    }

    private static void add(Clauses query, Analyzer analyzer, String field, String text, float boost,
            Predicate<String> keep) {
        query.add(new QueryBuilder(analyzer).createBooleanQuery(field, text, Occur.SHOULD), boost, keep);
    }

    /**
     * A long colloquial question (开个宾馆要消防检查和卫生许可吗) gives a score of bigrams, words and pinyin
     * pairs, most of them glue (要办, 个宾, 可吗) that match tens of thousands of guides at province
     * scale and decide nothing. Past {@link #MAX_TERMS_PER_FORM} distinct tokens of one analysed form,
     * only the rarest are kept, by how many entries contain them in the given fields; tokens that occur
     * nowhere are left out first (they cannot match). Shorter texts keep every token.
     */
    private Predicate<String> rarest(Analyzer analyzer, String suffix, List<String> fields, String text) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tokens(analyzer, text)));
        if (distinct.size() <= MAX_TERMS_PER_FORM) {
            return token -> true;
        }
        try {
            Map<String, Integer> docFreq = new HashMap<>();
            for (String token : distinct) {
                int df = 0;
                for (String field : fields) {
                    df += reader.docFreq(new Term(field + suffix, token));
                }
                if (df > 0) {
                    docFreq.put(token, df);
                }
            }
            Set<String> kept = docFreq.keySet().stream()
                    .sorted(java.util.Comparator.comparing(docFreq::get)
                            .thenComparing(distinct::indexOf))
                    .limit(MAX_TERMS_PER_FORM).collect(java.util.stream.Collectors.toSet());
            return kept::contains;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query fuzzyPinyin(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String pair : tokens(pinyin, text)) {
            for (String field : List.of(SearchFields.NAME + Analyzers.PINYIN, SearchFields.ALIAS + Analyzers.PINYIN)) {
                query.add(new FuzzyQuery(new Term(field, pair), 1, 1), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static Query filtered(Query query, String window, String department) {
        if (window == null && department == null) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (window != null) {
            b.add(new TermQuery(new Term(SearchFields.WINDOW, window)), Occur.FILTER);
        }
        if (department != null) {
            b.add(new TermQuery(new Term(SearchFields.DEPARTMENT, department)), Occur.FILTER);
        }
        return b.build();
    }

    /** The official terms whose colloquial words occur in the query. */
    List<String> expansions(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Synonym s : synonyms) {
            if (!englishEntry(s) && s.words().stream().anyMatch(text::contains)) {
                out.addAll(s.means());
            }
        }
        return List.copyOf(out);
    }

    private List<SearchHit> hits(TopDocs all, Query highlightQuery, int offset) throws IOException {
        String[] fields = {SearchFields.NAME + Analyzers.BIGRAMS, SearchFields.ALIAS + Analyzers.BIGRAMS,
                SearchFields.BODY + Analyzers.BIGRAMS};
        ScoreDoc[] page = offset >= all.scoreDocs.length ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(all.scoreDocs, offset, all.scoreDocs.length);
        TopDocs top = new TopDocs(all.totalHits, page);
        int[] docIds = new int[top.scoreDocs.length];
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = top.scoreDocs[i].doc;
        }
        if (docIds.length == 0) {
            return List.of();
        }
        Map<String, String[]> marked = highlighter.highlightFields(fields, highlightQuery, docIds, new int[] {1, 1, 1});
        String[] names = marked.get(fields[0]);
        String[] aliases = marked.get(fields[1]);
        String[] bodies = marked.get(fields[2]);
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document doc = searcher.storedFields().document(sd.doc);
            String name = doc.get(SearchFields.NAME + Analyzers.BIGRAMS);
            String highlight = marked(names[i]) ? names[i] : marked(aliases[i]) ? aliases[i]
                    : marked(bodies[i]) ? snippet(bodies[i]) : escape(name);
            hits.add(new SearchHit(doc.get(SearchFields.KIND), doc.get(SearchFields.CODE), name, doc.get("nameEn"),
                    doc.get(SearchFields.DEPARTMENT), doc.get("departmentName"), doc.get(SearchFields.WINDOW),
                    sd.score, highlight, doc.get("departmentNameEn")));
        }
        return hits;
    }

    private static boolean marked(String s) {
        return s != null && s.contains("<mark>");
    }

    /** About 120 characters of a body passage around its first mark, never cutting a tag. */
    private static String snippet(String passage) {
        if (passage.length() <= 120) {
            return passage;
        }
        int mark = passage.indexOf("<mark>");
        int from = Math.max(0, mark - 40);
        int lt = passage.lastIndexOf('<', from);
        if (lt >= 0 && passage.indexOf('>', lt) >= from) {
            from = lt; // do not start inside a tag
        }
        int to = Math.min(passage.length(), from + 120);
        int open = passage.lastIndexOf("<mark>", to - 1);
        int close = open < 0 ? -1 : passage.indexOf("</mark>", open);
        if (open >= from && close >= 0 && close + "</mark>".length() > to) {
            to = close + "</mark>".length(); // finish the mark that is open
        }
        lt = passage.lastIndexOf('<', to - 1);
        if (lt >= from && passage.indexOf('>', lt) >= to) {
            to = lt; // do not end inside a tag
        }
        return (from > 0 ? "…" : "") + passage.substring(from, to) + (to < passage.length() ? "…" : "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * "Did you mean": when the best hit's name and aliases share more pinyin pairs with the query
     * than Chinese bigrams, it was found by sound, not by the characters typed — say its name.
     */
    private String suggestion(String text, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return null;
        }
        SearchHit best = hits.get(0);
        try {
            Document doc = searcher.storedFields().document(docId(best.code()));
            String names = doc.get(SearchFields.NAME + Analyzers.BIGRAMS) + " " + doc.get(SearchFields.ALIAS + Analyzers.BIGRAMS);
            Set<String> queryBigrams = new HashSet<>(tokens(bigrams, text));
            queryBigrams.retainAll(new HashSet<>(tokens(bigrams, names)));
            Set<String> queryPinyin = new HashSet<>(tokens(pinyin, text));
            queryPinyin.retainAll(new HashSet<>(tokens(pinyin, names)));
            return queryPinyin.size() > queryBigrams.size() ? best.name() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int docId(String code) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(SearchFields.CODE, code)), 1);
        return top.scoreDocs[0].doc;
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() {
        try {
            suggester.close();
            reader.close();
            directory.close();
            if (folder.temporary()) {
                IndexFolders.delete(folder.path());
            }
        } catch (IOException ignored) {
            // a temporary copy of the index: the next start builds a fresh one
        }
    }
}
