package org.onewindow.scenario;

import java.util.Locale;

/** The scenario run as readable text (build log, command line) and as an HTML page (under target/). */
public final class ScenarioReports {

    private ScenarioReports() {
    }

    public static String text(SuiteResult r, TableChecks.Report checks) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scenarios: %d passed, %d failed%n", r.passed(), r.failed()));
        r.fileProblems().forEach(p -> out.append("  FILE ").append(p).append('\n'));
        for (ScenarioResult s : r.results()) {
            if (!s.passed()) {
                out.append("  FAIL ").append(s.file()).append(" — ").append(s.name()).append('\n');
                s.failures().forEach(f -> out.append("       ").append(f.field()).append(": expected ")
                        .append(f.expected()).append(", got ").append(f.actual()).append('\n'));
            }
        }
        Coverage c = r.coverage();
        out.append(String.format(Locale.ROOT, "Rule coverage: %d of %d rules fired (%.1f%%)%n", c.covered(), c.rules(),
                100 * c.ratio()));
        c.uncovered().forEach(u -> out.append("  uncovered ").append(u).append('\n'));
        if (checks != null) {
            out.append(checks.text());
        }
        return out.toString();
    }

    public static String html(SuiteResult r, TableChecks.Report checks) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>OneWindow scenarios</title><style>body{font-family:sans-serif;margin:2rem}"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}"
                + ".fail{background:#fde2e1}.pass{background:#e6f4ea}</style></head><body>");
        h.append("<h1>Scenarios</h1><p>").append(r.passed()).append(" passed, ").append(r.failed())
                .append(" failed</p><table><tr><th>file</th><th>scenario</th><th>result</th><th>expected vs actual</th></tr>");
        for (ScenarioResult s : r.results()) {
            h.append("<tr class=\"").append(s.passed() ? "pass" : "fail").append("\"><td>").append(esc(s.file()))
                    .append("</td><td>").append(esc(s.name())).append("</td><td>").append(s.passed() ? "pass" : "FAIL")
                    .append("</td><td>");
            s.failures().forEach(f -> h.append(esc(f.field())).append(": expected ").append(esc(f.expected()))
                    .append(", got ").append(esc(f.actual())).append("<br>"));
            h.append("</td></tr>");
        }
        Coverage c = r.coverage();
        h.append("</table><h2>Rule coverage</h2><p>").append(c.covered()).append(" of ").append(c.rules())
                .append(" rules fired</p><ul>");
        c.uncovered().forEach(u -> h.append("<li>").append(esc(u)).append("</li>"));
        h.append("</ul>");
        if (checks != null) {
            h.append("<h2>Static checks</h2><pre>").append(esc(checks.text())).append("</pre>");
        }
        return h.append("</body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
