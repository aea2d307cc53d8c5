package org.onewindow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling a rules folder: the shipped one compiles, a broken one names file, line and reason. */
class RuleSetCompilerTest {

    private static final Path SHIPPED = Path.of("rules");

    @TempDir
    Path dir;

    @Test
    void shippedRulesCompileWithAVersionDerivedFromContent() throws IOException {
        RuleSet first = new RuleSetCompiler().compile(SHIPPED);
        copyShippedTo(dir);
        RuleSet second = new RuleSetCompiler().compile(dir);
        assertEquals(first.version().version(), second.version().version(), "same files, same version");
        assertTrue(first.model("window-routing").isPresent());
        assertTrue(first.drlRules().isPresent());

        Files.writeString(dir.resolve("ruleset.yaml"), Files.readString(dir.resolve("ruleset.yaml")) + "\n# edited\n");
        assertFalse(first.version().version().equals(new RuleSetCompiler().compile(dir).version().version()),
                "a changed file changes the version");
    }

    @Test
    void brokenFeelInADecisionTableNamesFileAndLine() throws IOException {
        copyShippedTo(dir);
        Path dmn = dir.resolve("tolerance-policy.dmn");
        List<String> lines = Files.readAllLines(dmn);
        int line = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("&lt;= 2")) {
                lines.set(i, lines.get(i).replace("&lt;= 2", "&lt;= 2 +"));
                line = i + 1;
            }
        }
        Files.write(dmn, lines);
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                () -> new RuleSetCompiler().compile(dir));
        RuleProblem problem = e.problems().get(0);
        assertEquals("tolerance-policy.dmn", problem.file());
        assertEquals(line, problem.line(), "the line of the broken cell");
        assertTrue(problem.reason().contains("<= 2 +"), problem.reason());
    }

    @Test
    void malformedXmlIsReportedForItsFile() throws IOException {
        copyShippedTo(dir);
        Files.writeString(dir.resolve("window-routing.dmn"), "<definitions><decision></definitions>");
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                () -> new RuleSetCompiler().compile(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("window-routing.dmn")), e.getMessage());
    }

    @Test
    void drlSyntaxErrorNamesFileAndLine() throws IOException {
        copyShippedTo(dir);
        Files.writeString(dir.resolve("broken.drl"), "package x;\n\nrule \"r\"\nwhen\n  String( length > )\nthen\nend\n");
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                () -> new RuleSetCompiler().compile(dir));
        RuleProblem problem = e.problems().get(0);
        assertEquals("broken.drl", problem.file(), e.getMessage());
        assertEquals(5, problem.line(), e.getMessage());
    }

    @Test
    void missingManifestIsAProblem() throws IOException {
        copyShippedTo(dir);
        Files.delete(dir.resolve("ruleset.yaml"));
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                () -> new RuleSetCompiler().compile(dir));
        assertEquals("ruleset.yaml", e.problems().get(0).file());
    }

    @Test
    void firedRowsCarryTheReasonWrittenBesideThem() {
        RuleSet rules = new RuleSetCompiler().compile(SHIPPED);
        Evaluation eval = rules.evaluate("window-routing", "Window",
                Map.of("Matter", matter("tax", "tax")));
        assertEquals(List.of(), eval.errors());
        assertEquals("tax", eval.result());
        assertEquals(1, eval.fired().size());
        assertEquals(1, eval.fired().get(0).row());
        assertTrue(eval.fired().get(0).reason().contains("税务"));
    }

    @Test
    void aWellFormedFileThatIsNotADmnModelIsNamed() throws IOException {
        for (String[] c : new String[][] {
                {"<notes xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" name=\"x\" namespace=\"y\"/>",
                        "not a DMN model: the root element must be <definitions> in the DMN namespace"},
                {"<definitions name=\"x\" namespace=\"y\"/>",
                        "not a DMN model: the root element must be <definitions> in the DMN namespace"},
                {"<definitions xmlns=\"http://example.org/\" name=\"x\" namespace=\"y\"/>",
                        "not a DMN model: the root element must be <definitions> in the DMN namespace"},
                {"<d:definitions xmlns:d=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" namespace=\"y\"><d:x name=\"n\"/></d:definitions>",
                        "the <definitions> element needs a name and a namespace"},
                {"<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" name=\"x\" namespace=\" \"/>",
                        "the <definitions> element needs a name and a namespace"}}) {
            copyShippedTo(dir);
            Files.writeString(dir.resolve("odd.dmn"), "<?xml version=\"1.0\"?>\n" + c[0]);
            RuleSetCompilationException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSetCompilationException.class,
                    () -> new RuleSetCompiler().compile(dir));
            assertEquals(List.of(new RuleProblem("odd.dmn", 1, c[1])), e.problems(), c[0]);
        }
    }

    /** Every component the window table declares, plus one it does not know (extra fields are fine). */
    private static Map<String, Object> matter(String department, String theme) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("code", "x");
        m.put("name", null);
        m.put("type", "行政许可");
        m.put("department", department);
        m.put("theme", theme);
        m.put("promisedDays", 5);
        return m;
    }

    private static void copyShippedTo(Path target) throws IOException {
        org.onewindow.testing.TestFiles.copyShippedRules(target);
    }
}
