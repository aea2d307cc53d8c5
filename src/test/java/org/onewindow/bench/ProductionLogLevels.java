package org.onewindow.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks run outside Quarkus, where no log configuration applies and every engine warning
 * would be formatted and buffered. Apply the category levels of application.properties so the
 * benchmark pays what production pays.
 */
final class ProductionLogLevels {

    private static final Pattern CATEGORY = Pattern.compile("quarkus\\.log\\.category\\.\"([^\"]+)\"\\.level");

    private ProductionLogLevels() {
    }

    static void apply() {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
