package org.onewindow.search;

/** The index has not been built (knowledge base or rules unavailable); readiness is DOWN. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message) {
        super(message);
    }
}
