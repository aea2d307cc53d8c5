package org.onewindow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.QualityGate;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Situation;
import org.onewindow.platform.MessageFiles;
import org.onewindow.testing.TestFiles;

/**
 * A table that fails while deciding (here a FEEL runtime error in a material table) must never
 * pass for "no row applies": that would read as a material not needed or a question pending.
 * The intake fails, naming the model and decision, and the quality gate refuses such a table.
 */
class FailClosedTest {

    @TempDir
    Path rules;

    @Test
    void anEvaluationErrorIsAnErrorNamingTheTableNotAPendingQuestion() throws IOException {
        TestFiles.copyShippedRules(rules);
        // a cell that compiles but fails at run time: string length() of a boolean answer
        TestFiles.replaceFirst(rules.resolve("materials/scjg.dmn"),
                "<inputExpression id=\"food-business-licence-ie-agent\" typeRef=\"boolean\"><text>Answers.agent</text>",
                "<inputExpression id=\"food-business-licence-ie-agent\" typeRef=\"boolean\"><text>string length(Answers.agent) &gt; 0</text>");
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        RuleSet broken = new RuleSetCompiler().compile(rules);
        IntakeDecider decider = new IntakeDecider(catalogue, broken, new QuestionDomains(catalogue, broken),
                MessageFiles.load("zh"), MessageFiles.load("en"), Clock.system(ZoneId.of("Asia/Shanghai")));

        Situation situation = new Situation(List.of("food-business-licence"),
                null, Map.of("agent", Boolean.TRUE, "vendingMachineOnly", Boolean.FALSE),
                new Applicant("enterprise", null, "good"), null);
        RuleEvaluationException e = assertThrows(RuleEvaluationException.class, () -> decider.decide(situation));
        assertEquals("materials-scjg", e.model());
        assertEquals("food-business-licence", e.decision());
        assertFalse(e.errors().isEmpty());

        // the table no longer reads a question in its column: the gate refuses it before it can serve
        assertTrue(new QualityGate(catalogue, broken).run().blockingProblems().stream()
                .anyMatch(p -> p.contains("materials-scjg/food-business-licence") && p.contains("must read one question")));
    }
}
