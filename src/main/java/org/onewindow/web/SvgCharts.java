package org.onewindow.web;

import java.util.List;

/**
 * Bar charts drawn on the server as inline SVG: no script, no CDN, printable, readable by screen
 * readers (a title, and each bar's value as text beside it).
 */
final class SvgCharts {

    /** One bar: its label, value and colour class. */
    record Bar(String label, double value, String valueText, String css) {
    }

    private static final int WIDTH = 640;
    private static final int LABEL = 220;
    private static final int ROW = 28;

    private SvgCharts() {
    }

    /** Horizontal bars scaled to the largest value. */
    static String bars(String id, String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(id)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\"><title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        int y = 4;
        int room = WIDTH - LABEL - 70;
        for (Bar bar : bars) {
            int w = max <= 0 ? 0 : (int) Math.round(bar.value() / max * room);
            svg.append("<g class=\"bar ").append(escape(bar.css())).append("\">")
                    .append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(bar.label()))).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Math.max(w, bar.value() > 0 ? 2 : 0)).append("\" height=\"").append(ROW - 8)
                    .append("\" rx=\"2\"/>")
                    .append("<text class=\"value\" x=\"").append(LABEL + w + 6).append("\" y=\"").append(y + 18)
                    .append("\">").append(escape(bar.valueText())).append("</text></g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() > 16 ? label.substring(0, 15) + "…" : label;
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
