package org.onewindow.scenario;

import java.util.List;

/** How many rules exist, how many some scenario fired, and which ones none did. */
public record Coverage(int rules, int covered, List<String> uncovered) {

    public double ratio() {
        return rules == 0 ? 1.0 : (double) covered / rules;
    }
}
