package org.onewindow.casework;

/** A create request's answer: the application, and whether it was an idempotent replay. */
public record Created(Application application, boolean replayed) {
}
