package org.onewindow.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What every kiosk page needs besides its content: the language, the display mode chosen on this
 * screen (large type, high contrast), the idle timeout, and the link that switches language while
 * staying on the same page.
 */
public record Page(String lang, boolean large, boolean contrast, int idleSeconds, String path, String query,
        boolean home) {

    public boolean en() {
        return "en".equals(lang);
    }

    public String htmlLang() {
        return en() ? "en" : "zh-CN";
    }

    public Locale locale() {
        return Languages.locale(lang);
    }

    /** The same page in the other language. */
    public String switchLang() {
        return withParam("lang", en() ? "zh" : "en");
    }

    /** The same page with large type (or without). */
    public String toggleLarge() {
        return withParam("display", large ? "normal" : "large");
    }

    /** The same page in high contrast (or without). */
    public String toggleContrast() {
        return withParam("display", contrast ? "normal" : "contrast");
    }

    public String bodyClass() {
        return (large ? "large " : "") + (contrast ? "contrast" : "");
    }

    private String withParam(String name, String value) {
        StringBuilder url = new StringBuilder(path).append('?');
        if (query != null && !query.isBlank()) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith(name + "=") && !part.startsWith("idle=")) {
                    url.append(part).append('&');
                }
            }
        }
        return url.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).toString();
    }
}
