package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        QualityReport.Check english = report.checks().stream().filter(c -> c.name().equals(QualityGate.ENGLISH))
                .findFirst().orElseThrow();
        assertTrue(english.problems().isEmpty(), english.problems().size() + " English texts missing:\n"
                + String.join("\n", english.problems()));
    }

    @Test
    void aFullGuideFieldShownInEnglishWithoutEnglishIsRefused() throws IOException {
        Path kb = rules.resolve("kb");
        TestFiles.copyTree(Path.of("knowledge-base"), kb);
        Path guide = kb.resolve("matters/scjg/food-business-licence.yaml");
        String text = Files.readString(guide);
        Files.writeString(guide, text.replaceAll("(?m)^conditionsEn:.*(\\n  .*)*\\n", "")
                .replace("    conditionEn: ", "    conditionEn: 委托"));
        QualityReport report = new QualityGate(new KnowledgeBaseLoader().load(kb), SHIPPED_RULES).run();
        List<String> english = report.checks().stream().filter(c -> c.name().equals(QualityGate.ENGLISH)).findFirst()
                .orElseThrow().problems();
        assertTrue(english.contains("matter 'food-business-licence': conditionsEn"), english.toString());
        assertTrue(english.stream().anyMatch(p -> p.startsWith("matter 'food-business-licence': materials[")
                && p.endsWith("conditionEn is not English")), english.toString());
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
        edit("materials/scjg.dmn", "<text>Answers.vendingMachineOnly</text>", "<text>Answers.vendingOnly</text>");
        edit("materials/scjg.dmn", "name=\"vending-machine-documents\"", "name=\"vending-docs\"");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.contains("Answers.vendingOnly")), report.text());
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.contains("unknown material 'vending-docs'")),
                report.text());
        // and the conditional material it used to decide is now required by no row
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.startsWith("materials: materials-scjg/food-business-licence")
                && p.contains("vending-machine-documents")), report.text());
    }

    @Test
    void aRowWithoutALegalBasisIsRefused() throws IOException {
        copyRules();
        edit("window-routing.dmn", "<annotationEntry><text>国办发〔2018〕45号；税务部门进驻政务服务中心设置专窗</text></annotationEntry>",
                "<annotationEntry><text></text></annotationEntry>");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.equals(
                "basis: window-routing#window-tax (Window row 1) has no basis")), report.text());
    }

    @Test
    void aToleranceTableThatWouldTolerateAMaterialDefiningTheReviewIsRefused() throws IOException {
        copyRules();
        // neutralise the review-scope exclusion and the published-list exclusion
        edit("tolerance-policy.dmn", "<inputEntry id=\"tolerance-review-scope-i3\"><text>true</text>",
                "<inputEntry id=\"tolerance-review-scope-i3\"><text>null</text>");
        edit("tolerance-policy.dmn", "<inputEntry id=\"tolerance-not-listed-i4\"><text>false</text>",
                "<inputEntry id=\"tolerance-not-listed-i4\"><text>null</text>");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.startsWith("tolerance: matter 'food-business-licence', "
                + "material 'food-facility-layout' defines the scope of review")), report.text());
    }

    @Test
    void toleratingAnApplicantWhoseCreditIsUnknownMustBeSaidExplicitly() throws IOException {
        copyRules();
        edit("tolerance-policy.dmn", "<inputEntry id=\"tolerance-unknown-credit-i1\"><text>&quot;unknown&quot;</text>",
                "<inputEntry id=\"tolerance-unknown-credit-i1\"><text>&quot;bad&quot;</text>");
        edit("tolerance-policy.dmn", "<inputEntry id=\"tolerance-default-deadline-i1\"><text>&quot;good&quot;</text>",
                "<inputEntry id=\"tolerance-default-deadline-i1\"><text>-</text>");
        QualityReport report = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(report.blockingProblems().stream().anyMatch(p -> p.contains("tolerance-policy#tolerance-default-deadline "
                + "tolerates an applicant whose credit is unknown")), report.text());

        // said explicitly, it passes
        edit("tolerance-policy.dmn", "<inputEntry id=\"tolerance-default-deadline-i1\"><text>-</text>",
                "<inputEntry id=\"tolerance-default-deadline-i1\"><text>&quot;good&quot;, &quot;unknown&quot;</text>");
        edit("tolerance-policy.dmn", "<inputEntry id=\"tolerance-department-deadline-i1\"><text>&quot;good&quot;</text>",
                "<inputEntry id=\"tolerance-department-deadline-i1\"><text>&quot;good&quot;, &quot;unknown&quot;</text>");
        QualityReport explicit = new QualityGate(SHIPPED_KB, new RuleSetCompiler().compile(rules)).run();
        assertTrue(explicit.blockingProblems().stream().noneMatch(p -> p.startsWith("tolerance:")), explicit.text());
    }

    private void copyRules() throws IOException {
        TestFiles.copyShippedRules(rules);
    }

    private void edit(String file, String from, String to) throws IOException {
        TestFiles.replaceFirst(rules.resolve(file), from, to);
    }
}
