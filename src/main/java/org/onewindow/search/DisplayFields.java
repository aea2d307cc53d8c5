package org.onewindow.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * What a hit shows (code, names, department, the texts to mark), kept as binary doc values rather than
 * stored fields. A stored document is read by decompressing the block of documents it lies in — for
 * every hit of every page, ~8 % of a search at 100,000 guides; a doc value is a slice of the
 * memory-mapped file, read as it is.
 */
final class DisplayFields {

    private DisplayFields() {
    }

    /** Adds a value to be shown (null: none, read back as null). */
    static void add(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new BinaryDocValuesField(field, new BytesRef(value)));
        }
    }

    /**
     * The values of {@code fields} for each of {@code docs} (index-wide ids, any order), in that order:
     * {@code [hit][field]}, null where a document has none.
     */
    static String[][] read(IndexReader reader, int[] docs, String... fields) throws IOException {
        String[][] values = new String[docs.length][fields.length];
        // doc values are read forwards: visit the hits in document order
        Integer[] order = new Integer[docs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = reader.leaves();
        int leafOrd = -1;
        BinaryDocValues[] perField = new BinaryDocValues[fields.length];
        for (int i : order) {
            int ord = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext leaf = leaves.get(ord);
            if (ord != leafOrd) {
                leafOrd = ord;
                for (int f = 0; f < fields.length; f++) {
                    perField[f] = DocValues.getBinary(leaf.reader(), fields[f]);
                }
            }
            int doc = docs[i] - leaf.docBase;
            for (int f = 0; f < fields.length; f++) {
                BinaryDocValues field = perField[f];
                // the same document twice (never in one page) would need a fresh iterator
                if (field.docID() > doc) {
                    field = DocValues.getBinary(leaf.reader(), fields[f]);
                    perField[f] = field;
                }
                values[i][f] = field.advanceExact(doc) ? field.binaryValue().utf8ToString() : null;
            }
        }
        return values;
    }
}
