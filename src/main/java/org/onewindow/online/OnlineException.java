package org.onewindow.online;

/**
 * A refusal of the online channel with its HTTP status: a wrong or expired code (401), too many
 * tries (429, with the seconds to wait), a file of the wrong type or size (400/413), an action the
 * application's state does not allow (409), something that is not the applicant's (404).
 */
public class OnlineException extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;
    private final long retryAfterSeconds;

    public OnlineException(int status, String error, String detail, String field) {
        this(status, error, detail, field, 0);
    }

    public OnlineException(int status, String error, String detail, String field, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.error = error;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
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

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static OnlineException notFound(String detail) {
        return new OnlineException(404, "not found", detail, null);
    }
}
