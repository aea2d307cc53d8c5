package org.onewindow.scenario;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tester's scenario: a situation (the same JSON an intake request carries: matters or event,
 * answers, applicant, asOf), optionally the materials the applicant has at hand ({@code have}, for
 * the completeness check), and what the outcome must be. {@code file} is where it was written.
 */
public record Scenario(String name, String description, String file, ObjectNode situation, List<String> have,
        Expectations expect) {
}
