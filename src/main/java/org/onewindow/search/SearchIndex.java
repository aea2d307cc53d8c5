package org.onewindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    /** Doc-values field with each entry's static weight (SearchEntry.weight). */
    private static final String WEIGHT = "weight";
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
    private final UnifiedHighlighter highlighter; // thread-safe; reads offsets from the postings
    private final List<Synonym> synonyms;
    private final Options options;
    private final int size;

    private SearchIndex(List<SearchEntry> entries, List<Synonym> synonyms, Options options, IndexFolders folders)
            throws IOException {
        this.synonyms = List.copyOf(synonyms);
        this.options = options;
        this.folder = folders.open(entries, into -> fill(into, entries));
        this.directory = new org.apache.lucene.store.MMapDirectory(folder.path().resolve(MAIN));
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.highlighter = UnifiedHighlighter.builder(searcher, bigrams)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(2000)
                .withWeightMatches(false)
                .withBreakIterator(() -> java.text.BreakIterator.getSentenceInstance(Locale.CHINA))
                .build();
        this.size = entries.size();
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
        return build(entries, synonyms, options, IndexFolders.temporary());
    }

    /** Built in (or opened from) a folder {@code folders} gives: kept between starts when it is a cache. */
    static SearchIndex build(List<SearchEntry> entries, List<Synonym> synonyms, Options options, IndexFolders folders) {
        try {
            return new SearchIndex(entries, synonyms, options, folders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    public int size() {
        return size;
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
        doc.add(new org.apache.lucene.document.FloatDocValuesField(WEIGHT, e.weight()));
        return doc;
    }

    /**
     * The bigram form of highlighted fields records offsets in its postings, so the highlighter reads
     * them instead of analysing the stored text again for every hit.
     */
    private static final org.apache.lucene.document.FieldType HIGHLIGHTED = highlighted();

    private static org.apache.lucene.document.FieldType highlighted() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** A text in its three analysed forms; the bigram form is stored (with offsets) for highlighting. */
    private static void addText(Document doc, String field, String text, boolean withPinyin) {
        String value = text == null ? "" : text;
        doc.add(new TextField(field + Analyzers.WORDS, value, Field.Store.NO));
        doc.add(new Field(field + Analyzers.BIGRAMS, value, HIGHLIGHTED));
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

    /** One page of results: {@code limit} hits from {@code offset}, with honest counts of all of them. */
    public SearchResult search(String text, int limit, int offset, String window, String department) {
        try {
            Query query = filtered(relevance(text), window, department);
            int total = searcher.count(query);
            if (total == 0 && options.pinyin()) {
                // nothing shares a word or a homophone: allow one wrong letter per pinyin pair
                query = filtered(fuzzyPinyin(text), window, department);
                total = searcher.count(query);
            }
            TopDocs top = searcher.search(query, Math.max(1, offset + limit));
            List<SearchHit> hits = hits(top, highlightQuery(text), offset);
            int events = searcher.count(new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermQuery(new Term(SearchFields.KIND, SearchEntry.EVENT)), Occur.FILTER).build());
            return new SearchResult(total, hits, offset == 0 ? suggestion(text, hits) : null, offset, total - events,
                    events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return org.apache.lucene.queries.function.FunctionScoreQuery.boostByValue(textRelevance(text),
                org.apache.lucene.search.DoubleValuesSource.fromFloatField(WEIGHT));
    }

    private Query textRelevance(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        addFields(query, text, 1f);
        if (options.pinyin()) {
            addPinyin(query, text);
        }
        if (options.synonyms()) {
            for (String official : expansions(text)) {
                addFields(query, official, SYNONYM);
            }
        }
        if (options.english() && latin(text)) {
            addEnglish(query, text, 1f);
            for (String meant : options.synonyms() ? englishExpansions(text) : List.<String>of()) {
                if (latin(meant)) {
                    addEnglish(query, meant, SYNONYM);
                } else {
                    addFields(query, meant, SYNONYM);
                }
            }
        }
        return query.build();
    }

    /** The English name, aliases and body, analysed with the English analyser (stems, no stop words). */
    private void addEnglish(BooleanQuery.Builder query, String text, float weight) {
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
        Set<String> grams = new LinkedHashSet<>(tokens(bigrams, text));
        if (options.synonyms()) {
            for (String official : expansions(text)) {
                grams.addAll(tokens(bigrams, official));
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String field : List.of(SearchFields.NAME, SearchFields.ALIAS, SearchFields.BODY)) {
            for (String gram : grams) {
                query.add(new TermQuery(new Term(field + Analyzers.BIGRAMS, gram)), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private void addFields(BooleanQuery.Builder query, String text, float weight) {
        for (String field : List.of(SearchFields.NAME, SearchFields.ALIAS, SearchFields.BODY)) {
            float boost = (field.equals(SearchFields.NAME) ? NAME : field.equals(SearchFields.ALIAS) ? ALIAS : BODY) * weight;
            if (options.words()) {
                add(query, words, field + Analyzers.WORDS, text, boost);
            }
            if (options.bigrams()) {
                add(query, bigrams, field + Analyzers.BIGRAMS, text, boost);
            }
        }
    }

    private void addPinyin(BooleanQuery.Builder query, String text) {
        add(query, pinyin, SearchFields.NAME + Analyzers.PINYIN, text, PINYIN);
        add(query, pinyin, SearchFields.ALIAS + Analyzers.PINYIN, text, PINYIN);
    }

    private static void add(BooleanQuery.Builder query, Analyzer analyzer, String field, String text, float boost) {
        Query q = new QueryBuilder(analyzer).createBooleanQuery(field, text, Occur.SHOULD);
        if (q != null) {
            query.add(new BoostQuery(q, boost), Occur.SHOULD);
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
