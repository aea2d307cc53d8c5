package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario runner as a CI pipeline outside Maven runs it: from the packaged application's
 * jars, with no server and no database. The shipped suite passes with full coverage (exit 0); a
 * broken expectation fails it (exit 1) and names the scenario.
 */
class ScenarioCliIT {

    @TempDir
    Path work;

    private static Process cli(Path rules, String... extra) throws Exception {
        return cli(Path.of("").toAbsolutePath(), rules, extra);
    }

    /**
     * The command of docs/tester.md, run in {@code dir}: its class path has lib/boot (the JBoss log
     * manager the -D option names; without it the JVM stops with ClassNotFoundException).
     */
    private static Process cli(Path dir, Path rules, String... extra) throws Exception {
        Path app = Path.of(System.getProperty("onewindow.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath()
                .getParent();
        String classpath = app.resolve("app") + File.separator + "*" + File.pathSeparator + app.resolve("lib/boot")
                + File.separator + "*" + File.pathSeparator + app.resolve("lib/main") + File.separator + "*";
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath,
                "org.onewindow.scenario.ScenarioCli", "--rules", rules.toString(), "--kb",
                Path.of("knowledge-base").toAbsolutePath().toString()));
        command.addAll(java.util.List.of(extra));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    @Test
    void theShippedSuitePassesWithEveryRuleCovered() throws Exception {
        Path report = work.resolve("report.html");
        Process p = cli(Path.of("rules"), "--report", report.toString());
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("0 failed"), out);
        assertTrue(out.contains("(100.0%)"), out);
        assertTrue(Files.readString(report).contains("Rule coverage"));
    }

    @Test
    void aWrongExpectationFailsTheRunAndIsNamed() throws Exception {
        Path rules = work.resolve("rules");
        // the rule files with their sub-folders (rules/materials/ since issue 10), not the scenarios
        org.onewindow.testing.TestFiles.copyShippedRules(rules);
        Files.createDirectories(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("scenarios/wrong.yaml"), """
                scenarios:
                  - name: 食品经营许可不在税务专窗办理
                    situation: {matters: [food-business-licence]}
                    expect: {window: tax}
                """);
        Process p = cli(rules, "wrong.yaml");
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("FAIL wrong.yaml — 食品经营许可不在税务专窗办理"), out);
        assertTrue(out.contains("window: expected tax, got market-access"), out);
        assertFalse(out.contains("ClassNotFoundException"), out);

        // the same file named by its path from the working directory, as a shell completes it: not doubled
        Process relative = cli(work, Path.of("rules"), "rules/scenarios/wrong.yaml");
        String again = new String(relative.getInputStream().readAllBytes());
        assertTrue(relative.waitFor(300, TimeUnit.SECONDS));
        assertEquals(1, relative.exitValue(), again);
        assertTrue(again.contains("window: expected tax, got market-access"), again);
        assertFalse(again.contains("scenarios/rules/scenarios"), again);
    }
}
