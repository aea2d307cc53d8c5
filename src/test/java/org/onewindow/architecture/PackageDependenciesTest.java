package org.onewindow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: web → services (intake, …) → decision, guide; platform is
 * infrastructure everyone may use and which uses none of them.
 */
class PackageDependenciesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onewindow");
    }

    @Test
    void nothingDependsOnTheWebLayer() {
        check(noClasses().that().resideOutsideOfPackage("org.onewindow.web..")
                .should().dependOnClassesThat().resideInAPackage("org.onewindow.web.."));
    }

    @Test
    void theKnowledgeBaseDependsOnNoService() {
        check(noClasses().that().resideInAPackage("org.onewindow.guide..")
                .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.decision..", "org.onewindow.intake..",
                        "org.onewindow.search..", "org.onewindow.interview..", "org.onewindow.scenario..",
                        "org.onewindow.casework..", "org.onewindow.credit.."));
    }

    @Test
    void theDecisionEngineKnowsNothingOfIntakeOrGuides() {
        check(noClasses().that().resideInAPackage("org.onewindow.decision..")
                .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.intake..", "org.onewindow.guide..",
                        "org.onewindow.search..", "org.onewindow.interview..", "org.onewindow.scenario..",
                        "org.onewindow.casework.."));
    }

    @Test
    void intakeUsesNoLaterCapability() {
        check(noClasses().that().resideInAPackage("org.onewindow.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.search..", "org.onewindow.interview..",
                        "org.onewindow.scenario..", "org.onewindow.casework.."));
    }

    @Test
    void intakeKnowsTheCreditRegistryOnlyByItsInterface() {
        // the local list is one implementation; a provincial credit service can replace it
        check(noClasses().that().resideInAPackage("org.onewindow.intake..")
                .should().dependOnClassesThat().resideInAPackage("org.onewindow.credit.."));
        check(noClasses().that().resideInAPackage("org.onewindow.credit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.casework..", "org.onewindow.web.."));
    }

    @Test
    void searchInterviewAndScenariosDoNotUseEachOther() {
        check(noClasses().that().resideInAnyPackage("org.onewindow.search..", "org.onewindow.interview..")
                .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.scenario..", "org.onewindow.casework.."));
        check(noClasses().that().resideInAPackage("org.onewindow.search..")
                .should().dependOnClassesThat().resideInAPackage("org.onewindow.interview.."));
        check(noClasses().that().resideInAPackage("org.onewindow.interview..")
                .should().dependOnClassesThat().resideInAPackage("org.onewindow.search.."));
    }

    @Test
    void platformIsAtTheBottom() {
        check(noClasses().that().resideInAPackage("org.onewindow.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.guide..", "org.onewindow.decision..",
                        "org.onewindow.intake..", "org.onewindow.web.."));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
