package org.onewindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline the relevance evaluation compares against: Lucene out of the box — one text field
 * (name, aliases and body) with StandardAnalyzer (one token per Chinese character) and BM25.
 */
final class BaselineIndex {

    private final IndexSearcher searcher;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();

    BaselineIndex(List<SearchEntry> entries) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (SearchEntry e : entries) {
                    Document doc = new Document();
                    doc.add(new StringField("code", e.code(), Field.Store.YES));
                    doc.add(new TextField("text", e.name() + " " + String.join(" ", e.aliases()) + " " + e.body(),
                            Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> search(String text, int limit) {
        try {
            Query q = new QueryBuilder(analyzer).createBooleanQuery("text", text, Occur.SHOULD);
            List<String> codes = new ArrayList<>();
            if (q == null) {
                return codes;
            }
            for (ScoreDoc sd : searcher.search(q, limit).scoreDocs) {
                codes.add(searcher.storedFields().document(sd.doc).get("code"));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
