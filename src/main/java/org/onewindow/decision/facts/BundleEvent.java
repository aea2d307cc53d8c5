package org.onewindow.decision.facts;

/** Rule fact: the life event (一件事) an intake is for, with the window and department that lead it. */
public class BundleEvent {

    private final String code;
    private final String leadWindow;
    private final String leadDepartment;

    public BundleEvent(String code, String leadWindow, String leadDepartment) {
        this.code = code;
        this.leadWindow = leadWindow;
        this.leadDepartment = leadDepartment;
    }

    public String getCode() {
        return code;
    }

    public String getLeadWindow() {
        return leadWindow;
    }

    public String getLeadDepartment() {
        return leadDepartment;
    }
}
