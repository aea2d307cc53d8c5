package org.onewindow.web;

import java.time.LocalDate;
import java.util.List;

import org.onewindow.online.ProgressView;
import org.onewindow.online.Upload;

/** View models of the /online pages, text already in the page's language. */
final class OnlineViews {

    private OnlineViews() {
    }

    /** One of the applicant's applications on their home page. */
    record AppLine(String number, String matters, String status, String href) {
    }

    /** A fact filled in without asking, as the interview shows it. */
    record Known(String question, String answer) {
    }

    record Interview(String target, List<Known> known, Views.QuestionView question, List<Views.Hidden> hidden,
            String backHref, int asked, int total, boolean done, List<Views.Answered> summary, String forWhom) {

        public int current() {
            return asked + 1;
        }

        public int percent() {
            return total == 0 ? 100 : Math.min(100, 100 * asked / total);
        }
    }

    /** A material of the draft: to upload (or held already), with what was uploaded. */
    record DraftMaterial(String code, String name, String form, boolean key, Integer laterDays, List<Upload> uploads) {
    }

    record Draft(String reference, String target, String window, String counter, List<DraftMaterial> upload,
            List<String> library, List<String> produced, boolean verified, boolean self, String applicantName,
            boolean submitted, String applicationHref, int maxMb, String error) {
    }

    record Step(String at, String what) {
    }

    record Waiting(String code, String name, String by, String reason) {
    }

    record AppView(String number, String status, String matters, List<Step> steps, List<Waiting> waiting,
            String dueOn, List<DraftMaterial> supplementable, List<Upload> uploads, boolean rateable,
            String rateHref, List<String> missing, int maxMb, String error, String done, List<String> documents) {
    }

    /** A date in words: 2026年6月12日 / 12 June 2026. */
    static String day(LocalDate d, boolean en) {
        return d == null ? null : org.onewindow.online.Progress.date(d, en);
    }

    static List<Step> steps(ProgressView p, boolean en) {
        return p.steps().stream().map(s -> new Step(s.at(), en ? s.whatEn() : s.what())).toList();
    }

    static List<Waiting> waiting(ProgressView p, boolean en) {
        return p.waitingFor().stream().map(w -> new Waiting(w.material(), en ? w.nameEn() : w.name(),
                w.by() == null ? null : org.onewindow.online.Progress.date(w.by(), en), w.reason()))
                .toList();
    }
}
