package org.onewindow.scenario;

/** One expectation a scenario did not meet. */
public record Failure(String field, String expected, String actual) {
}
