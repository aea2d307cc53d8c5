package org.onewindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final PageHighlighter highlighter; // thread-safe; re-analyses the stored text of the hits shown
    private final Vocabulary vocabulary;
    /**
     * The analysed forms of the vocabulary's official terms, per analyser, made the first time a question
     * expands to them: bounded by the vocabulary (never keyed by a citizen's text), the same for every search.
     */
    private final Map<Analyzer, Map<String, Analysed>> officialForms = new IdentityHashMap<>();
    private final Options options;
    private final int size;
    /** The distinct static weights of the entries, each a clause of the query (see relevance). */
    private final List<Float> weights;
    private final boolean hasEvents;
    /**
     * The life events alone, indexed exactly as in the main index: whether a document matches a term
     * query depends on that document only, so counting the matching events here gives the main
     * index's count without opening every term's postings over all entries (null without events).
     */
    private final DirectoryReader eventsReader;
    private final IndexSearcher eventsSearcher;
    /** Count matches exactly up to this many (COUNT_LIMIT unless configured). */
    private final int countLimit;

    private SearchIndex(List<SearchEntry> entries, List<Synonym> synonyms, Options options, int countLimit,
            IndexFolders folders) throws IOException {
        if (countLimit < 1) {
            throw new IllegalArgumentException("the count limit must be positive: " + countLimit);
        }
        this.countLimit = countLimit;
        this.vocabulary = new Vocabulary(synonyms);
        this.options = options;
        this.folder = folders.open(entries, into -> fill(into, entries));
        this.directory = new org.apache.lucene.store.MMapDirectory(folder.path().resolve(MAIN));
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        UnifiedHighlighter.Builder marking = UnifiedHighlighter.builder(searcher, bigrams)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(2000)
                .withWeightMatches(false)
                .withScorer(new LeanPassageScorer())
                .withBreakIterator(() -> java.text.BreakIterator.getSentenceInstance(Locale.CHINA));
        // the offsets come from analysing the stored text of the page's hits again (a small in-memory index
        // of the query's terms per hit), not from the postings: with offsets in the postings the highlighter
        // looked every query term up in the whole index for each hit and field, a third of a search at 100k
        // guides; the marks and the passages chosen are the same (docs/benchmarks.md)
        this.highlighter = new PageHighlighter(marking);
        for (Analyzer analyzer : List.of(words, bigrams, english)) {
            officialForms.put(analyzer, new ConcurrentHashMap<>());
        }
        this.size = entries.size();
        this.weights = entries.stream().map(SearchEntry::weight).distinct().sorted().toList();
        this.hasEvents = entries.stream().anyMatch(SearchIndex::event);
        this.eventsReader = hasEvents ? DirectoryReader.open(new org.apache.lucene.store.MMapDirectory(
                folder.path().resolve(EVENTS))) : null;
        this.eventsSearcher = hasEvents ? new IndexSearcher(eventsReader) : null;
        this.suggester = new AnalyzingInfixSuggester(new org.apache.lucene.store.MMapDirectory(
                folder.path().resolve(SUGGEST)), Analyzers.bigrams(), Analyzers.bigrams(), 1, false);
    }

    private static final String MAIN = "main";
    private static final String SUGGEST = "suggest";
    private static final String EVENTS = "events";

    private static boolean event(SearchEntry e) {
        return SearchEntry.EVENT.equals(e.kind());
    }

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
        if (entries.stream().anyMatch(SearchIndex::event)) {
            try (org.apache.lucene.store.Directory events = new org.apache.lucene.store.MMapDirectory(into.resolve(EVENTS));
                    IndexWriter writer = new IndexWriter(events, new IndexWriterConfig(Analyzers.perField(words, bigrams, pinyin)))) {
                for (SearchEntry entry : entries) {
                    if (event(entry)) {
                        writer.addDocument(document(entry));
                    }
                }
            }
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

    /** What a hit shows, as doc values (DisplayFields), not stored fields. */
    private static final String NAME_EN = "nameEn";
    private static final String DEPARTMENT_NAME = "departmentName";
    private static final String DEPARTMENT_NAME_EN = "departmentNameEn";
    private static final String[] SHOWN = {SearchFields.KIND, SearchFields.CODE, PageHighlighter.NAME, NAME_EN,
        SearchFields.DEPARTMENT, DEPARTMENT_NAME, SearchFields.WINDOW, DEPARTMENT_NAME_EN, PageHighlighter.ALIAS,
        PageHighlighter.BODY};

    private static Document document(SearchEntry e) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KIND, e.kind(), Field.Store.NO));
        doc.add(new StringField(SearchFields.CODE, e.code(), Field.Store.NO));
        DisplayFields.add(doc, SearchFields.KIND, e.kind());
        DisplayFields.add(doc, SearchFields.CODE, e.code());
        if (e.window() != null) {
            doc.add(new StringField(SearchFields.WINDOW, e.window(), Field.Store.NO));
            DisplayFields.add(doc, SearchFields.WINDOW, e.window());
        }
        if (e.department() != null) {
            doc.add(new StringField(SearchFields.DEPARTMENT, e.department(), Field.Store.NO));
            DisplayFields.add(doc, SearchFields.DEPARTMENT, e.department());
        }
        DisplayFields.add(doc, NAME_EN, e.nameEn() == null ? "" : e.nameEn());
        DisplayFields.add(doc, DEPARTMENT_NAME, e.departmentName() == null ? "" : e.departmentName());
        DisplayFields.add(doc, DEPARTMENT_NAME_EN, e.departmentNameEn() == null ? "" : e.departmentNameEn());
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

    /** A text in its three analysed forms; kept under the bigram form's name for highlighting (and display). */
    private static void addText(Document doc, String field, String text, boolean withPinyin) {
        String value = text == null ? "" : text;
        doc.add(new TextField(field + Analyzers.WORDS, value, Field.Store.NO));
        doc.add(new TextField(field + Analyzers.BIGRAMS, value, Field.Store.NO));
        DisplayFields.add(doc, field + Analyzers.BIGRAMS, value);
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
            SearchQuestion question = new SearchQuestion(text, searcher);
            List<String> meant = options.synonyms() ? vocabulary.expansions(text) : List.of();
            int wanted = Math.max(1, offset + limit);
            Query query = filtered(relevance(question, meant), window, department);
            TopDocs top = top(query, wanted);
            boolean fuzzy = false;
            if (top.totalHits.value == 0 && options.pinyin()) {
                fuzzy = true;
                // nothing shares a word or a homophone: allow one wrong letter per pinyin pair
                query = filtered(fuzzyPinyin(text), window, department);
                top = top(query, wanted);
            }
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            // the collector counted past max(countLimit, wanted) before it began to skip: "more than countLimit" is true
            long total = exact ? top.totalHits.value : countLimit;
            Page page = hits(top, highlightQuery(question, meant), offset);
            // life events are few: the ones that match are counted in the index of the events alone (nothing at
            // all in an index without events); a fuzzy query's expansions depend on the whole index's terms, so
            // after the fuzzy fallback they are counted in the main index, as a conjunction led by the events
            long events = !hasEvents ? 0 : fuzzy ? searcher.count(new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermQuery(new Term(SearchFields.KIND, SearchEntry.EVENT)), Occur.FILTER).build())
                    : eventsSearcher.count(query);
            return new SearchResult(total, page.hits(), offset == 0 ? suggestion(question, page) : null, offset,
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

    /** An official term of the vocabulary analysed: once per index and analyser. */
    private Analysed official(Analyzer analyzer, String term) {
        return officialForms.get(analyzer).computeIfAbsent(term, t -> Analysed.of(analyzer, t));
    }

    /** Words, bigrams and pinyin of the query, plus the official terms its colloquial words mean. */
    Query relevance(String text) {
        return relevance(new SearchQuestion(text, searcher), options.synonyms() ? vocabulary.expansions(text) : List.of());
    }

    /**
     * The text relevance, times the entry's static weight (SearchEntry.weight). The weight is a
     * query-time split, one clause per distinct weight — the text query restricted to the entries of
     * that weight, boosted by it — rather than a function of the score: every clause then still knows
     * its maximum score, so Lucene can skip documents that cannot make the page. The clauses are
     * disjoint, so each document's score is exactly its text score times its weight. An index whose
     * entries all weigh the same (the synthetic one) gets the text query alone.
     */
    private Query relevance(SearchQuestion question, List<String> meant) {
        Query relevance = textRelevance(question, meant);
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
        return textRelevance(new SearchQuestion(text, searcher), options.synonyms() ? vocabulary.expansions(text) : List.of());
    }

    private Query textRelevance(SearchQuestion question, List<String> meant) {
        String text = question.text();
        TermDisjunction query = new TermDisjunction();
        Analysed ownWords = question.form(words);
        Analysed ownBigrams = question.form(bigrams);
        addFields(query, ownWords, ownBigrams, 1f, capped(question, options.words(), ownWords.tokens(), Analyzers.WORDS),
                capped(question, options.bigrams(), ownBigrams.tokens(), Analyzers.BIGRAMS));
        if (options.pinyin()) {
            addPinyin(query, question);
        }
        addExpansions(query, question, meant);
        if (options.english() && Vocabulary.latin(text)) {
            addEnglish(query, question.form(english), 1f);
            for (String meantEn : options.synonyms() ? vocabulary.englishExpansions(text) : List.<String>of()) {
                if (Vocabulary.latin(meantEn)) {
                    addEnglish(query, official(english, meantEn), SYNONYM);
                } else {
                    addFields(query, official(words, meantEn), official(bigrams, meantEn), SYNONYM, token -> true,
                            token -> true);
                }
            }
        }
        return query.build(question);
    }

    /** The English name, aliases and body, analysed with the English analyser (stems, no stop words). */
    private void addEnglish(TermDisjunction query, Analysed form, float weight) {
        query.addForm(english, form, SearchFields.NAME + Analyzers.ENGLISH, NAME * weight, token -> true);
        query.addForm(english, form, SearchFields.ALIAS + Analyzers.ENGLISH, ALIAS * weight, token -> true);
        query.addForm(english, form, SearchFields.BODY + Analyzers.ENGLISH, BODY * weight, token -> true);
    }

    /** The official terms whose colloquial words occur in the query. */
    List<String> expansions(String text) {
        return vocabulary.expansions(text);
    }

    /** What the English everyday words of the query mean: official English terms or Chinese ones. */
    List<String> englishExpansions(String text) {
        return vocabulary.englishExpansions(text);
    }

    /**
     * What to mark in the hits: the distinct bigrams of the query and of the official terms it
     * expands to, as plain term queries on the stored bigram fields. Highlighting with the full
     * relevance query instead costs a weight over every clause for every hit, several milliseconds.
     */
    Query highlightQuery(String text) {
        return highlightQuery(new SearchQuestion(text, searcher), options.synonyms() ? vocabulary.expansions(text) : List.of());
    }

    private Query highlightQuery(SearchQuestion question, List<String> meant) {
        Set<String> grams = new LinkedHashSet<>(question.tokens(bigrams));
        for (String official : meant) {
            grams.addAll(official(bigrams, official).tokens());
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
     * The official terms the question's colloquial words mean ({@link Vocabulary}), in words and bigrams
     * over name, aliases and body. Their tokens are capped like the question's own: all the terms'
     * tokens of one analysed form together, past {@link #MAX_TERMS_PER_FORM} distinct the rarest. A
     * long question can expand to many terms (开饭店要办营业执照和卫生许可吗 → 7, which gave ~110 of its
     * 172 term clauses uncapped), and their common words and bigrams match most of a province's guides:
     * Lucene read ~147,000 postings for that one question; the rarer tokens are what tells guides apart. The cap cut the slowest questions' CPU 2–4× at 100,000 guides, and the
     * relevance set ranks as well or better (docs/search.md).
     */
    private void addExpansions(TermDisjunction query, SearchQuestion question, List<String> meant) {
        if (meant.isEmpty()) {
            return;
        }
        List<String> wordTokens = new ArrayList<>();
        List<String> bigramTokens = new ArrayList<>();
        for (String official : meant) {
            wordTokens.addAll(official(words, official).tokens());
            bigramTokens.addAll(official(bigrams, official).tokens());
        }
        Predicate<String> keepWords = capped(question, options.words(), wordTokens, Analyzers.WORDS);
        Predicate<String> keepBigrams = capped(question, options.bigrams(), bigramTokens, Analyzers.BIGRAMS);
        for (String official : meant) {
            addFields(query, official(words, official), official(bigrams, official), SYNONYM, keepWords, keepBigrams);
        }
    }

    /** The rarest of a form's tokens over name, aliases and body (see {@link #rarest}), when the form is used. */
    private static Predicate<String> capped(SearchQuestion question, boolean used, List<String> tokens, String suffix) {
        return used ? rarest(question, tokens, suffix, TEXT_FIELDS) : token -> true;
    }

    /** The text in words and bigrams over name, aliases and body, the tokens the predicates keep. */
    private void addFields(TermDisjunction query, Analysed wordForm, Analysed bigramForm, float weight,
            Predicate<String> keepWords, Predicate<String> keepBigrams) {
        for (String field : TEXT_FIELDS) {
            float boost = (field.equals(SearchFields.NAME) ? NAME : field.equals(SearchFields.ALIAS) ? ALIAS : BODY) * weight;
            if (options.words()) {
                query.addForm(words, wordForm, field + Analyzers.WORDS, boost, keepWords);
            }
            if (options.bigrams()) {
                query.addForm(bigrams, bigramForm, field + Analyzers.BIGRAMS, boost, keepBigrams);
            }
        }
    }

    private void addPinyin(TermDisjunction query, SearchQuestion question) {
        Analysed form = question.form(pinyin);
        Predicate<String> keep = rarest(question, form.tokens(), Analyzers.PINYIN,
                List.of(SearchFields.NAME, SearchFields.ALIAS));
        query.addForm(pinyin, form, SearchFields.NAME + Analyzers.PINYIN, PINYIN, keep);
        query.addForm(pinyin, form, SearchFields.ALIAS + Analyzers.PINYIN, PINYIN, keep);
    }

    /**
     * A long colloquial question (开个宾馆要消防检查和卫生许可吗) gives a score of bigrams, words and pinyin
     * pairs, most of them glue (要办, 个宾, 可吗) that match tens of thousands of guides at province
     * scale and decide nothing. Past {@link #MAX_TERMS_PER_FORM} distinct tokens of one analysed form,
     * only the rarest are kept, by how many entries contain them in the given fields; tokens that occur
     * nowhere are left out first (they cannot match). Shorter texts keep every token.
     */
    private static Predicate<String> rarest(SearchQuestion question, List<String> tokens, String suffix, List<String> fields) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tokens));
        if (distinct.size() <= MAX_TERMS_PER_FORM) {
            return token -> true;
        }
        Map<String, Integer> docFreq = new HashMap<>();
        for (String token : distinct) {
            int df = 0;
            for (String field : fields) {
                df += question.states(new Term(field + suffix, token)).docFreq();
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

    /** The page's hits, each read from the doc values once: what is shown, and the text to mark. */
    private Page hits(TopDocs all, Query highlightQuery, int offset) throws IOException {
        ScoreDoc[] page = offset >= all.scoreDocs.length ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(all.scoreDocs, offset, all.scoreDocs.length);
        if (page.length == 0) {
            return Page.EMPTY;
        }
        String[][] docs = DisplayFields.read(reader, java.util.Arrays.stream(page).mapToInt(d -> d.doc).toArray(), SHOWN);
        PageHighlighter.Texts[] texts = new PageHighlighter.Texts[page.length];
        for (int i = 0; i < page.length; i++) {
            texts[i] = new PageHighlighter.Texts(docs[i][2], docs[i][8], docs[i][9]);
        }
        String[] shown = highlighter.marks(texts, highlightQuery);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            String[] doc = docs[i]; // in the order of SHOWN
            hits.add(new SearchHit(doc[0], doc[1], texts[i].name(), doc[3], doc[4], doc[5], doc[6], page[i].score, shown[i],
                    doc[7]));
        }
        return new Page(hits, texts[0]);
    }

    /** A page of hits, and the stored name and aliases of the first (for "did you mean"). */
    private record Page(List<SearchHit> hits, PageHighlighter.Texts first) {
        static final Page EMPTY = new Page(List.of(), null);
    }

    /** What documents show (code, texts: see SHOWN's fields), for tests that read documents by id. */
    String[][] shown(int[] docs, String... fields) throws IOException {
        return DisplayFields.read(reader, docs, fields);
    }

    /** The page highlighter, for tests that compare it with Lucene's batch highlighting. */
    PageHighlighter highlighter() {
        return highlighter;
    }

    /**
     * "Did you mean": when the best hit's name and aliases share more pinyin pairs with the query
     * than Chinese bigrams, it was found by sound, not by the characters typed — say its name.
     */
    private String suggestion(SearchQuestion question, Page page) {
        if (page.hits().isEmpty()) {
            return null;
        }
        SearchHit best = page.hits().get(0);
        // the best hit's stored name and aliases, as read for the page
        String names = page.first().name() + " " + page.first().aliases();
        Set<String> queryBigrams = new HashSet<>(question.tokens(bigrams));
        queryBigrams.retainAll(new HashSet<>(tokens(bigrams, names)));
        Set<String> queryPinyin = new HashSet<>(question.tokens(pinyin));
        queryPinyin.retainAll(new HashSet<>(tokens(pinyin, names)));
        return queryPinyin.size() > queryBigrams.size() ? best.name() : null;
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
            if (eventsReader != null) {
                eventsReader.close();
                eventsReader.directory().close();
            }
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
