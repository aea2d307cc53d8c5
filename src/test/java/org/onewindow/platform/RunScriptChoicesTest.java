package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run.sh} hands the JVM, for each Java and packaging it can meet, without starting one:
 * the "JVMs" here are scripts that print their arguments, beside a {@code release} file that names
 * their version as a JDK's does. {@link RunScriptIT} starts real JVMs through it.
 */
class RunScriptChoicesTest {

    /** The first bytes of an aot-jar's quarkus-application.dat (Quarkus' AotSerializedApplication). */
    private static final byte[] AOT_JAR = {0x0a, 0x07, (byte) 0xca, 0x3e, 0, 0, 0, 2};
    private static final byte[] FAST_JAR = {(byte) 0xf0, 0x31, 0x54, 0x32, 0, 0, 0, 3};
    private static final Path DIRECTIVES = Path.of("deploy/jvm/compiler-directives.json");

    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void aPackagedFolder() throws IOException {
        app = Files.createDirectories(dir.resolve("quarkus-app/quarkus"));
        app = app.getParent();
        Files.write(app.resolve("quarkus-run.jar"), new byte[] {1});
        Files.write(app.resolve("quarkus/quarkus-application.dat"), FAST_JAR);
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name + "/bin")).getParent();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$0\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Runs run.sh; answers the JVM's command line, one argument per line (stderr after "--stderr--"). */
    private List<String> run(Map<String, String> env) throws Exception {
        Process process = start(env);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out + err);
        return List.of((out + "--stderr--\n" + err).split("\n"));
    }

    private Process start(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", RunningJar.RUN_SCRIPT.toString()).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("ONEWINDOW_APP", app.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static boolean has(List<String> args, String prefix) {
        return args.stream().anyMatch(a -> a.startsWith(prefix));
    }

    @Test
    void java17TrainsAnArchiveOfTheFastJarThenMapsIt() throws Exception {
        Path java17 = jdk("jdk17", "17.0.15");
        Path archive = app.resolve("app-cds.jsa");
        List<String> first = run(Map.of("JAVA_HOME", java17.toString()));
        assertEquals(java17.resolve("bin/java").toString(), first.get(0), "JAVA_HOME's Java");
        assertTrue(first.contains("-XX:ArchiveClassesAtExit=" + archive), first.toString());
        assertTrue(first.contains("-XX:+UseSerialGC"), first.toString());
        assertFalse(has(first, "--enable-native-access"), "Java 17 has no such warning to silence: " + first);
        assertTrue(Files.exists(app.resolve("app-cds.jsa.stamp")));

        Files.write(archive, new byte[] {1, 2, 3}); // what the JVM would have written when it stopped
        List<String> later = run(Map.of("JAVA_HOME", java17.toString()));
        assertTrue(later.contains("-XX:SharedArchiveFile=" + archive), later.toString());
        assertFalse(has(later, "-XX:ArchiveClassesAtExit"), later.toString());

        List<String> otherOptions = run(Map.of("JAVA_HOME", java17.toString(), "JAVA_OPTS", "-XX:+UseG1GC"));
        assertTrue(otherOptions.contains("-XX:ArchiveClassesAtExit=" + archive), "made again: " + otherOptions);
        assertTrue(otherOptions.contains("-XX:+UseG1GC") && !otherOptions.contains("-XX:+UseSerialGC"), otherOptions.toString());
    }

    @Test
    void java25TrainsAnAotCacheThenUsesIt() throws Exception {
        Path java25 = jdk("jdk25", "25.0.3");
        Path cache = app.resolve("app.aot");
        List<String> first = run(Map.of("JAVA_HOME", java25.toString()));
        assertTrue(first.contains("-XX:AOTCacheOutput=" + cache), first.toString());
        assertTrue(first.contains("--enable-native-access=ALL-UNNAMED"), "Lucene's memory mapping: " + first);
        assertFalse(has(first, "-XX:ArchiveClassesAtExit") || has(first, "-XX:SharedArchiveFile"), first.toString());

        Files.write(cache, new byte[] {1, 2, 3});
        List<String> later = run(Map.of("JAVA_HOME", java25.toString()));
        assertTrue(later.contains("-XX:AOTCache=" + cache), later.toString());
        assertFalse(has(later, "-XX:AOTCacheOutput"), later.toString());
    }

    @Test
    void anAotJarOnJava17StartsWithoutAnArchiveAndSaysWhy() throws Exception {
        Files.write(app.resolve("quarkus/quarkus-application.dat"), AOT_JAR);
        List<String> args = run(Map.of("JAVA_HOME", jdk("jdk17", "17.0.15").toString()));
        assertFalse(has(args, "-XX:ArchiveClassesAtExit") || has(args, "-XX:SharedArchiveFile"), args.toString());
        assertTrue(String.join("\n", args).contains("aot-jar on Java 17 starts without a class-data archive"), args.toString());

        List<String> on25 = run(Map.of("JAVA_HOME", jdk("jdk25", "25.0.3").toString()));
        assertTrue(has(on25, "-XX:AOTCacheOutput="), "Java 25 makes an AOT cache of it: " + on25);
    }

    @Test
    void quickStartHoldsC2BackOnJava17AndOnlyWhenAskedTo() throws Exception {
        Path java17 = jdk("jdk17", "17.0.15");
        List<String> plain = run(Map.of("JAVA_HOME", java17.toString()));
        assertFalse(has(plain, "-XX:Tier4") || has(plain, "-XX:CompilerDirectivesFile"), "the JVM's own JIT by default: " + plain);

        List<String> quick = run(Map.of("JAVA_HOME", java17.toString(), "ONEWINDOW_JIT", "quick-start"));
        assertTrue(quick.contains("-XX:Tier4InvocationThreshold=150000") && quick.contains("-XX:Tier4BackEdgeThreshold=1200000"),
                quick.toString());
        int unlock = quick.indexOf("-XX:+UnlockDiagnosticVMOptions");
        int directives = quick.indexOf("-XX:CompilerDirectivesFile=" + DIRECTIVES.toAbsolutePath());
        assertTrue(unlock >= 0 && directives > unlock, "the unlock must come first: " + quick);

        List<String> on25 = run(Map.of("JAVA_HOME", jdk("jdk25", "25.0.3").toString(), "ONEWINDOW_JIT", "quick-start"));
        assertFalse(has(on25, "-XX:Tier4") || has(on25, "-XX:CompilerDirectivesFile"), "not measured on Java 25: " + on25);
        assertTrue(String.join("\n", on25).contains("ONEWINDOW_JIT=quick-start is for Java 17-24"), on25.toString());

        Process unknown = start(Map.of("JAVA_HOME", java17.toString(), "ONEWINDOW_JIT", "fast"));
        String err = new String(unknown.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(unknown.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, unknown.exitValue(), err);
        assertTrue(err.contains("ONEWINDOW_JIT=fast: unknown"), err);
    }

    /** A directives file the JVM cannot parse stops it from starting at all: this one must parse. */
    @Test
    void theRealJvmTakesTheCompilerDirectives() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + DIRECTIVES.toAbsolutePath(), "-XX:+CompilerDirectivesPrint", "-version")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("1 compiler directives added"), out);
        for (String pattern : List.of("org/antlr/*.*", "com/thoughtworks/xstream/*.*", "org/kie/dmn/feel/parser/*.*")) {
            assertTrue(out.contains(pattern), pattern + " in " + out);
        }
        assertFalse(out.contains("org/onewindow") || out.contains("org/kie/dmn/feel/runtime") || out.contains("org/kie/dmn/core/ast"),
                "code a decision runs is never kept from C2: " + out);
    }

    @Test
    void withoutJavaHomeTheJavaOnThePathRuns() throws Exception {
        Path java25 = jdk("jdk25", "25.0.3");
        List<String> args = run(Map.of("PATH", java25.resolve("bin") + ":/usr/bin:/bin", "ONEWINDOW_APPCDS", "off"));
        assertEquals(java25.resolve("bin/java").toString(), args.get(0));
        assertFalse(has(args, "-XX:AOTCache"), "off means no cache: " + args);
        assertTrue(args.contains("-jar") && args.contains(app.resolve("quarkus-run.jar").toString()), args.toString());
    }
}
