package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.testing.TestFiles;

/**
 * The quality gate over the shipped knowledge base and rules: the build fails on any problem and
 * prints the readable report. The negative tests prove each check can fail.
 */
class QualityGateTest {

    private static final Catalogue SHIPPED_KB = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
    private static final RuleSet SHIPPED_RULES = new RuleSetCompiler().compile(Path.of("rules"));

    @TempDir
    Path rules;

    @Test
    void theShippedKnowledgeBaseAndRulesPassTheGate() {
        QualityReport report = new QualityGate(SHIPPED_KB, SHIPPED_RULES).run();
        System.out.println(report.text());
        assertTrue(report.passed(), report.text());
    }

    @Test
    void aThemeNoWindowRowCoversIsCaught() throws IOException {
        copyRules();
        edit("window-routing.dmn", "&quot;construction&quot;, ", "");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertFalse(report.passed());
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.startsWith("windows: matter 'construction-permit'")
                && p.contains("routes to no window")), report.text());
    }

    @Test
    void aTaxMatterRoutedToAComprehensiveWindowIsCaught() throws IOException {
        copyRules();
        edit("window-routing.dmn", "<text>&quot;tax&quot;</text></outputEntry>", "<text>&quot;other&quot;</text></outputEntry>");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.contains("belongs to the dedicated window 'tax'")),
                report.text());
    }

    @Test
    void aRuleReadingAnUnknownQuestionOrMaterialIsCaught() throws IOException {
        copyRules();
        edit("material-requirements.dmn", "Answers.vendingMachineOnly = true", "Answers.vendingOnly = true");
        edit("material-requirements.dmn", "&quot;vending-machine-documents&quot;", "&quot;vending-docs&quot;");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.contains("Answers.vendingOnly")), report.text());
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.contains("unknown material 'vending-docs'")),
                report.text());
        // and the conditional material it used to decide is now undecided
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("materials: matter 'food-business-licence'")
                && p.contains("vending-machine-documents")), report.text());
    }

    @Test
    void twoRowsDecidingTheSameMaterialDifferentlyAreABlockingConflict() throws IOException {
        copyRules();
        // drop a general row's exclusions: the guides with their own condition now get two answers
        Path dmn = rules.resolve("material-requirements.dmn");
        String xml = Files.readString(dmn);
        String edited = xml.replaceFirst("<text>not\\([^<]*\\)</text>", "<text>-</text>");
        assertFalse(xml.equals(edited), "the table has a general row with exclusions");
        Files.writeString(dmn, edited);
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.startsWith("conflicts: ")), report.text());
    }

    private void copyRules() throws IOException {
        TestFiles.copyShippedRules(rules);
    }

    private void edit(String file, String from, String to) throws IOException {
        TestFiles.replaceFirst(rules.resolve(file), from, to);
    }
}
