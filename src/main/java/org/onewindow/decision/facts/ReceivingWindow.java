package org.onewindow.decision.facts;

/** Rule conclusion: the window that receives the whole intake (一窗受理). */
public class ReceivingWindow {

    private final String window;

    public ReceivingWindow(String window) {
        this.window = window;
    }

    public String getWindow() {
        return window;
    }
}
