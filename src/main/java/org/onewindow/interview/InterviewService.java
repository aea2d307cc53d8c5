package org.onewindow.interview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The guided interview: stateless, the client sends the answers so far (Back is simply the same
 * answers without the last one — every other answer is kept). When the outcome can no longer
 * change, the final decision is recorded like any evaluation and returned.
 */
@ApplicationScoped
public class InterviewService {

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    IntakeService intake;

    /** The API's step: when the interview is over, the final outcome is recorded and returned. */
    public InterviewStep next(JsonNode body, org.onewindow.intake.LibraryAccess access) {
        Catalogue catalogue = catalogues.current();
        Situation situation = new SituationReader(catalogue).read(body);
        InterviewStep step = step(catalogue, situation);
        // the final list takes the applicant's shared-library holdings into account when the caller may see them
        // (staff, or the applicant themselves); the questions do not depend on them
        return step.done() ? InterviewStep.finish(intake.record(situation, intake.decide(catalogue, situation, access)),
                step.asked()) : step;
    }

    /** The next step without recording anything (pages record only when the applicant asks for the list). */
    public InterviewStep step(Catalogue catalogue, Situation situation) {
        IntakeDecider decider = intake.decider(catalogue, situation.asOf());
        Outcome current = decider.decide(situation);
        QuestionChooser chooser = new QuestionChooser(decider, intake.domains(catalogue));
        QuestionChooser.Choice choice = chooser.choose(situation, current);
        int asked = situation.answers().size();
        if (choice == null) {
            return InterviewStep.finish(current, asked);
        }
        return InterviewStep.ask(choice.question(), asked, chooser.remaining(situation, current));
    }
}
