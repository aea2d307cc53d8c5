package org.onewindow.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.testing.TestFiles;

/**
 * The shipped tables have no overlapping, shadowed or missing rows (the build fails otherwise);
 * each check is also shown to catch a broken table.
 */
class StaticChecksTest {

    private static final Catalogue KB = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));

    @TempDir
    Path rules;

    private static TableChecks.Report check(Path folder) {
        RuleSet ruleSet = new RuleSetCompiler().compile(folder);
        return new TableChecks(ruleSet, KB, new QuestionDomains(KB, ruleSet)).run();
    }

    @Test
    void theShippedTablesPassEveryStaticCheck() {
        TableChecks.Report report = check(Path.of("rules"));
        System.out.println(report.text());
        assertTrue(report.passed(), report.text());
    }

    @Test
    void overlappingRowsOfAUniqueTableAreReported() throws IOException {
        copy();
        // the investment row also claims business licences, which the market-access row routes
        edit("window-routing.dmn", "&quot;construction&quot;, ", "&quot;construction&quot;, &quot;business-licence&quot;, ");
        TableChecks.Report report = check(rules);
        assertTrue(report.findings().stream().anyMatch(f -> f.check().equals("overlap")
                && f.table().equals("window-routing/Window")
                && f.rows().equals("window-market-access and window-invest-build")), report.text());
    }

    @Test
    void aShadowedRowOfAFirstTableIsReported() throws IOException {
        copy();
        // the last row (promised − 2) becomes unreachable once the row before no longer needs a department deadline
        edit("tolerance-policy.dmn", "<text>not(null)</text>", "<text>-</text>");
        TableChecks.Report report = check(rules);
        assertTrue(report.findings().stream().anyMatch(f -> f.check().equals("shadowed")
                && f.table().equals("tolerance-policy/Tolerance") && f.rows().equals("tolerance-default-deadline")),
                report.text());
    }

    @Test
    void aGapInAUniqueTableIsReported() throws IOException {
        copy();
        edit("window-routing.dmn", "&quot;water&quot;", "&quot;waterworks&quot;");
        TableChecks.Report report = check(rules);
        assertTrue(report.findings().stream().anyMatch(f -> f.check().equals("gap")
                && f.table().equals("window-routing/Window") && f.detail().contains("Matter.theme=water")), report.text());
    }

    private void copy() throws IOException {
        TestFiles.copyShippedRules(rules);
    }

    private void edit(String file, String from, String to) throws IOException {
        TestFiles.replaceFirst(rules.resolve(file), from, to);
    }
}
