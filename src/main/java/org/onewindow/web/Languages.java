package org.onewindow.web;

import java.util.Locale;

import jakarta.ws.rs.core.NewCookie;

/**
 * Chinese first, English second: {@code ?lang=en} switches a visitor to English and a cookie keeps
 * the choice for the session; {@code ?lang=zh} switches back.
 */
final class Languages {

    static final String COOKIE = "ow_lang";

    private Languages() {
    }

    static String resolve(String param, String cookie) {
        String chosen = param != null ? param : cookie;
        return "en".equalsIgnoreCase(chosen) ? "en" : "zh";
    }

    static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** A session cookie (no max-age) so a shared kiosk forgets the choice when the browser closes. */
    static NewCookie cookie(String lang) {
        return new NewCookie.Builder(COOKIE).value(lang).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
