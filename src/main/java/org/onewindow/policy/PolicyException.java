package org.onewindow.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the policy console with its HTTP status: 400 a file or request that cannot be taken,
 * 403 four eyes, 404 no such version or file, 409 a version that is no longer a draft or a failed
 * publish gate. {@code extra} adds fields to the JSON error (the line of a broken file, the gate's problems).
 */
public class PolicyException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, Object> extra;

    public PolicyException(int status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    public PolicyException(int status, String error, String detail, Map<String, Object> extra) {
        super(detail);
        this.status = status;
        this.error = error;
        this.extra = new LinkedHashMap<>(extra);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    static PolicyException notFound(String what) {
        return new PolicyException(404, "not found", what);
    }
}
