package org.onewindow.casework;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the desk refuses, with the HTTP status that says why: 404 no such application or
 * item, 409 the application changed meanwhile or is not in a state that allows it, 422 the rules
 * refuse it (e.g. a key material is missing: the body carries the one-time notice), 403 not the
 * caller's department. {@code extra} adds fields to the JSON error.
 */
public class CaseworkException extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;
    private final Map<String, Object> extra;

    public CaseworkException(int status, String error, String detail, String field, Map<String, Object> extra) {
        super(detail);
        this.status = status;
        this.error = error;
        this.field = field;
        this.extra = extra == null ? Map.of() : new LinkedHashMap<>(extra);
    }

    public static CaseworkException notFound(String detail) {
        return new CaseworkException(404, "not found", detail, null, null);
    }

    public static CaseworkException stale(long id, int expected, int actual) {
        return new CaseworkException(409, "stale version", "application " + id + " is at version " + actual
                + ", not " + expected + ": someone else changed it meanwhile — reload it and check again", "version",
                Map.of("currentVersion", actual));
    }

    public static CaseworkException state(String detail) {
        return new CaseworkException(409, "not allowed in this state", detail, null, null);
    }

    public static CaseworkException forbidden(String detail) {
        return new CaseworkException(403, "forbidden", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
