package org.onewindow.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tester's scenario: a situation (the same JSON an intake request carries: matters or event,
 * answers, applicant, asOf) and what the outcome must be. {@code file} is where it was written.
 */
public record Scenario(String name, String description, String file, ObjectNode situation, Expectations expect) {
}
