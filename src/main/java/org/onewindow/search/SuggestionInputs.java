package org.onewindow.search;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.BytesRef;

/** Feeds type-ahead entries (text, weight, payload = the display name) to the suggester. */
final class SuggestionInputs implements InputIterator {

    /** A suggestion: what is matched, how much it weighs, what is shown. */
    record Suggestion(String text, long weight, String display) {
    }

    private final Iterator<Suggestion> iterator;
    private Suggestion current;

    SuggestionInputs(List<Suggestion> suggestions) {
        this.iterator = suggestions.iterator();
    }

    @Override
    public BytesRef next() {
        if (!iterator.hasNext()) {
            return null;
        }
        current = iterator.next();
        return new BytesRef(current.text());
    }

    @Override
    public long weight() {
        return current.weight();
    }

    @Override
    public BytesRef payload() {
        return new BytesRef(current.display());
    }

    @Override
    public boolean hasPayloads() {
        return true;
    }

    @Override
    public Set<BytesRef> contexts() {
        return null;
    }

    @Override
    public boolean hasContexts() {
        return false;
    }
}
