package org.onewindow.web;

/** The JSON error every endpoint answers with: what went wrong, and where ({@code field}). */
public record ApiError(String error, String detail, String field) {

    public static ApiError of(String error, String detail) {
        return new ApiError(error, detail, null);
    }
}
