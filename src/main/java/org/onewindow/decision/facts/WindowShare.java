package org.onewindow.decision.facts;

/**
 * Rule fact: one window that the matters of an intake are routed to, how many of them, and the
 * position of the first — counted by the caller, so the rules only state which window wins.
 */
public class WindowShare {

    private final String window;
    private final boolean comprehensive;
    private final int matters;
    private final int firstPosition;

    public WindowShare(String window, boolean comprehensive, int matters, int firstPosition) {
        this.window = window;
        this.comprehensive = comprehensive;
        this.matters = matters;
        this.firstPosition = firstPosition;
    }

    public String getWindow() {
        return window;
    }

    public boolean isComprehensive() {
        return comprehensive;
    }

    public int getMatters() {
        return matters;
    }

    public int getFirstPosition() {
        return firstPosition;
    }
}
