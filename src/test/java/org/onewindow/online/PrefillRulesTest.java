package org.onewindow.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;

/** What the online channel knows without asking, from knowledge-base/prefill.yaml. */
class PrefillRulesTest {

    private static final Catalogue KB = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
    private static final PrefillRules SHIPPED = PrefillRules.load(Path.of("knowledge-base"));
    private static final String BORN_1980 = "110105198001011238";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void theShippedRulesNameOnlyWhatTheKnowledgeBaseHas() {
        assertTrue(SHIPPED.problems(KB).isEmpty(), SHIPPED.problems(KB).toString());
        assertFalse(SHIPPED.identity().isEmpty());
        assertFalse(SHIPPED.library().isEmpty());
    }

    @Test
    void ageFromTheIdNumberAndSelfFromWhoSignedIn() {
        Map<String, String> self = SHIPPED.answers(KB, BORN_1980, true, Set.of(), DAY);
        assertEquals("46", self.get("applicantAge"));
        assertEquals("false", self.get("agent"), "applying for oneself is not through an agent");
        assertEquals("45", SHIPPED.answers(KB, BORN_1980, true, Set.of(), LocalDate.of(2025, 12, 31)).get("applicantAge"),
                "full years, on the decision day");
        assertEquals("true", SHIPPED.answers(KB, BORN_1980, false, Set.of(), DAY).get("agent"),
                "for another person the one signed in acts as agent");
        Map<String, String> enterprise = SHIPPED.answers(KB, null, false, Set.of(), DAY);
        assertFalse(enterprise.containsKey("agent"), "for an enterprise it is asked");
        assertFalse(enterprise.containsKey("applicantAge"));
    }

    @Test
    void certificatesHeldAnswerTheirQuestionsAndTheirAbsenceAnswersNothing() {
        Map<String, String> held = SHIPPED.answers(KB, BORN_1980, true, Set.of("disability-certificate"), DAY);
        assertEquals("true", held.get("holdsDisabilityCertificate"));
        assertFalse(SHIPPED.answers(KB, BORN_1980, true, Set.of(), DAY).containsKey("holdsDisabilityCertificate"));
    }

    @Test
    void sexFromTheIdNumberMapsToTheQuestionsOptionsAndUnknownNamesAreProblems() {
        PrefillRules rules = new PrefillRules(List.of(new PrefillRules.Rule("agent", "sex", Map.of("male", "true",
                "female", "false"))), List.of(), List.of());
        assertEquals("true", rules.answers(KB, BORN_1980, true, Set.of(), DAY).get("agent"), "an odd 17th digit is male");
        PrefillRules wrong = new PrefillRules(List.of(new PrefillRules.Rule("noSuchQuestion", "height", null)), List.of(),
                List.of(new PrefillRules.LibraryRule("agent", "no-such-material", "true")));
        List<String> problems = wrong.problems(KB);
        assertTrue(problems.contains("identity: unknown question 'noSuchQuestion'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("identity: unknown fact 'height'")), problems.toString());
        assertTrue(problems.contains("library: unknown material 'no-such-material'"), problems.toString());
    }
}
