package org.onewindow.search;

import java.io.IOException;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Emits one token per Han character — its pinyin syllable — and, for a run of Latin letters, its
 * syllables when it is pinyin typed without spaces ({@code yingye} → ying, ye) or the lower-cased
 * word otherwise (codes, digits). Punctuation separates tokens.
 */
final class PinyinTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int position;
    private int pending = -1;
    private int finalOffset;
    private final java.util.ArrayDeque<String> queued = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<int[]> queuedOffsets = new java.util.ArrayDeque<>();

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (!queued.isEmpty()) {
            term.append(queued.poll());
            int[] at = queuedOffsets.poll();
            offset.setOffset(correctOffset(at[0]), correctOffset(at[1]));
            return true;
        }
        StringBuilder word = new StringBuilder();
        int start = -1;
        while (true) {
            int c = pending >= 0 ? pending : input.read();
            pending = -1;
            if (c < 0) {
                break;
            }
            int at = position++;
            if (Character.isLetterOrDigit(c) && c < 0x2E80) {
                if (start < 0) {
                    start = at;
                }
                word.append(Character.toLowerCase((char) c));
                continue;
            }
            if (word.length() > 0) {
                pending = c; // finish the Latin word first, look at this character next time
                position--;
                break;
            }
            String syllable = Pinyin.of((char) c);
            if (syllable != null) {
                term.append(syllable);
                offset.setOffset(correctOffset(at), correctOffset(at + 1));
                return true;
            }
        }
        finalOffset = correctOffset(position);
        if (word.length() == 0) {
            return false;
        }
        java.util.List<String> syllables = Pinyin.split(word.toString());
        if (syllables == null || syllables.size() < 2) {
            term.append(word);
            offset.setOffset(correctOffset(start), correctOffset(start + word.length()));
            return true;
        }
        int at = start;
        for (String syllable : syllables) {
            queued.add(syllable);
            queuedOffsets.add(new int[] {at, at + syllable.length()});
            at += syllable.length();
        }
        return incrementToken();
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        position = 0;
        pending = -1;
        finalOffset = 0;
        queued.clear();
        queuedOffsets.clear();
    }
}
