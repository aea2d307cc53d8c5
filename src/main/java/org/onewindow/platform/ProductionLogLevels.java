package org.onewindow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code that runs outside Quarkus (benchmarks, the scenario command line) gets no log
 * configuration, so every engine warning would be formatted and printed. This applies the
 * category levels of application.properties, so such code logs — and pays — what production does.
 */
public final class ProductionLogLevels {

    private static final Pattern CATEGORY = Pattern.compile("quarkus\\.log\\.category\\.\"([^\"]+)\"\\.level");

    private ProductionLogLevels() {
    }

    public static void apply() {
        Properties props = new Properties();
        try (java.io.InputStream in = ProductionLogLevels.class.getClassLoader()
                .getResourceAsStream("application.properties")) {
            if (in == null) {
                return;
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Logger.getLogger("").setLevel(Level.INFO);
        for (String key : props.stringPropertyNames()) {
            Matcher m = CATEGORY.matcher(key);
            if (m.matches()) {
                Logger.getLogger(m.group(1)).setLevel(julLevel(props.getProperty(key).trim()));
            }
        }
    }

    private static Level julLevel(String quarkusLevel) {
        return switch (quarkusLevel) {
            case "FATAL", "OFF" -> Level.OFF;
            case "ERROR" -> Level.SEVERE;
            case "WARN" -> Level.WARNING;
            case "DEBUG" -> Level.FINE;
            case "TRACE" -> Level.FINEST;
            default -> Level.INFO;
        };
    }
}
