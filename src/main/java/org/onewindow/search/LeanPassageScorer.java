package org.onewindow.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage score (BM25 over the passage, same parameters, same arithmetic in the same
 * order), without the hash of terms Lucene allocates for every passage it scores — 32 KB each, and a
 * long guide body has dozens of sentences, which made it a quarter of a search's allocation at 100,000
 * guides. A passage has few matches, so its distinct terms are found by comparing them with one another.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        // distinct terms numbered in order of first appearance, as Lucene's BytesRefHash numbers them
        int[] first = new int[matches];
        int[] inPassage = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int id = -1;
            for (int d = 0; d < distinct; d++) {
                if (terms[first[d]].bytesEquals(terms[i])) {
                    id = d;
                    break;
                }
            }
            if (id < 0) {
                id = distinct++;
                first[id] = i;
            }
            inPassage[id]++;
        }
        double score = 0;
        for (int d = 0; d < distinct; d++) {
            score += tf(inPassage[d], passage.getLength()) * weight(contentLength, freqsInDoc[first[d]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
