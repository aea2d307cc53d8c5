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
        level("", Level.INFO);
        for (String key : props.stringPropertyNames()) {
            Matcher m = CATEGORY.matcher(key);
            if (m.matches()) {
                level(m.group(1), julLevel(props.getProperty(key).trim()));
            }
        }
    }

    /**
     * Sets a category's level for java.util.logging and for the JBoss log manager. Libraries that
     * log through SLF4J (the KIE engine) reach the JBoss log manager directly; unless it is the JVM's
     * log manager, its levels are not java.util.logging's, and it would format every TRACE message
     * of the engine (measured: 5× the cost of a whole intake decision).
     */
    private static void level(String category, Level level) {
        Logger.getLogger(category).setLevel(level);
        if (JBOSS_LOG_MANAGER) {
            JBossLevels.set(category, level);
        }
    }

    /** The scenario command line runs on a class path without the JBoss log manager. */
    private static final boolean JBOSS_LOG_MANAGER = present("org.jboss.logmanager.LogContext");

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ProductionLogLevels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when the JBoss log manager is on the class path. */
    private static final class JBossLevels {
        static void set(String category, Level level) {
            org.jboss.logmanager.LogContext.getLogContext().getLogger(category).setLevel(level);
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
