package org.onewindow.intake;

/**
 * A decision that was not taken up for recording, so nobody was answered: the record writer is
 * stopping (the node shuts down), or its backlog is full (the database commits slower than
 * decisions arrive, and waiting longer would only grow the queue and every caller's wait). Nothing
 * was stored; the caller may send the same request again shortly — to this node or another.
 */
public final class RecordingRefused extends RuntimeException {

    /** Why; with how long a caller should wait before trying again. */
    public enum Reason {
        SHUTTING_DOWN("shutting down", 5, "this node is shutting down; send the request again"),
        BACKLOG_FULL("busy", 1, "decisions arrive faster than they can be recorded; send the request again in a moment");

        private final String error;
        private final int retryAfterSeconds;
        private final String detail;

        Reason(String error, int retryAfterSeconds, String detail) {
            this.error = error;
            this.retryAfterSeconds = retryAfterSeconds;
            this.detail = detail;
        }

        public String error() {
            return error;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Reason reason;

    public RecordingRefused(Reason reason) {
        super(reason.detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
