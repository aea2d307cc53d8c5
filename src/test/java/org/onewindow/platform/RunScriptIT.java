package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.sh}, the start the README gives: the first start is a training run that leaves a
 * class-data archive, the next one maps that archive, both with the serial collector; JVM options
 * that name another collector are kept, and an archive made with other options is made again
 * instead of being offered to a JVM it does not fit. On Java 25 (JAVA_HOME) the cache is an AOT cache
 * with the training run's method profiles.
 */
class RunScriptIT {

    @TempDir
    Path workDir;

    @Test
    void trainsAnArchiveThenStartsFromItAndKeepsTheOperatorsCollector() throws Exception {
        int port = RunningJar.freePort();
        Path archive = workDir.resolve("app-cds.jsa");

        RunningJar training = RunningJar.startWithRunScript(workDir, port, archive, "");
        try {
            String first = training.commandLine();
            assertTrue(first.contains("-XX:ArchiveClassesAtExit=" + archive), "no archive yet: a training run: " + first);
            assertTrue(first.contains("-XX:+UseSerialGC"), "the serial collector by default: " + first);
            assertFalse(training.mapsFile(archive), "the training run maps no archive of its own");
        } finally {
            assertTrue(training.stop(), "the training run stops on SIGTERM");
        }
        assertTrue(Files.size(archive) > 1_000_000, "the JVM wrote the archive when it stopped");
        assertTrue(Files.exists(workDir.resolve("app-cds.jsa.stamp")), "what the archive fits is recorded beside it");

        RunningJar later = RunningJar.startWithRunScript(workDir, port, archive, "");
        try {
            String second = later.commandLine();
            assertTrue(second.contains("-XX:SharedArchiveFile=" + archive) && second.contains("-XX:+UseSerialGC"), second);
            assertTrue(later.mapsFile(archive), "the JVM mapped the archive (it fits this build, Java and options)");
            assertEquals(200, later.send("GET", "/api/windows", null, Map.of()).statusCode());
        } finally {
            assertTrue(later.stop());
        }
        assertFalse(later.log().contains("[warning][cds]"), "the JVM took the archive without complaint");

        RunningJar g1 = RunningJar.startWithRunScript(workDir, port, archive, "-XX:+UseG1GC");
        try {
            String third = g1.commandLine();
            assertTrue(third.contains("-XX:+UseG1GC") && !third.contains("UseSerialGC"), "the operator's collector alone: " + third);
            assertTrue(third.contains("-XX:ArchiveClassesAtExit="), "other options: the archive is made again: " + third);
        } finally {
            assertTrue(g1.stop());
        }
    }

    @Test
    void onJava25TrainsAnAotCacheThenStartsFromItAndDecides() throws Exception {
        Path java25 = RunningJar.javaHomeAtLeast(25).orElse(null);
        Assumptions.assumeTrue(java25 != null, "no Java 25 or later here (set -Donewindow.aot.java.home)");
        int port = RunningJar.freePort();
        Path cache = workDir.resolve("app.aot");

        RunningJar training = RunningJar.startWithRunScript(workDir, port, cache, "", java25);
        try {
            String first = training.commandLine();
            assertTrue(first.startsWith(java25.toRealPath().toString()), "JAVA_HOME's Java: " + first);
            assertTrue(first.contains("-XX:AOTCacheOutput=" + cache) && first.contains("-XX:+UseSerialGC"), first);
            assertTrue(first.contains("--enable-native-access=ALL-UNNAMED"), "Lucene's memory mapping: " + first);
        } finally {
            assertTrue(training.stop(), "the training run stops on SIGTERM once the cache is assembled");
        }
        assertTrue(Files.size(cache) > 1_000_000, "the JVM wrote the AOT cache when it stopped");
        assertTrue(training.log().contains("AOTCache creation is complete"), training.log());

        RunningJar later = RunningJar.startWithRunScript(workDir, port, cache, "", java25);
        try {
            String second = later.commandLine();
            assertTrue(second.contains("-XX:AOTCache=" + cache) && !second.contains("AOTCacheOutput"), second);
            assertTrue(later.mapsFile(cache), "the JVM mapped the cache (it fits this build, Java and options)");
            HttpResponse<String> decided = later.send("POST", "/api/intake/evaluate",
                    "{\"matters\":[\"food-business-licence\"]}", Map.of());
            assertEquals(200, decided.statusCode(), decided.body());
            assertTrue(decided.body().contains("\"decisionId\""), decided.body());
        } finally {
            assertTrue(later.stop());
        }
        String log = later.log();
        assertFalse(log.contains("[warning][aot]") || log.contains("[warning][cds]"), "the JVM took the cache: " + log);
        assertFalse(log.contains("WARNING: A restricted method"), "native access is granted: " + log);
    }
}
