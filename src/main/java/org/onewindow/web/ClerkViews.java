package org.onewindow.web;

import java.time.LocalDate;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.onewindow.guide.Catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** View models of the clerk console. */
final class ClerkViews {

    private ClerkViews() {
    }

    /** What every console page shows: language, who is logged in, what just happened, today. */
    record Desk(String lang, String username, String displayName, String done, String error, String why,
            LocalDate today, boolean clerk, boolean supervisor, String zone) {

        public boolean en() {
            return "en".equals(lang);
        }

        public String htmlLang() {
            return en() ? "en" : "zh-CN";
        }

        /** A date written out in the page's language. */
        public String day(LocalDate date) {
            return TimelineWords.date(date, en());
        }
    }

    record Choice(String code, String label) {
    }

    /**
     * The "start an application" form, as typed (kept when the page comes back with questions or an
     * error). Credit is not asked: it comes from the credit registry.
     */
    record StartForm(String reference, String matter, String event, String applicantType, String applicantId,
            String applicantName, Map<String, String> answers, String error) {

        static StartForm of(MultivaluedMap<String, String> form) {
            return new StartForm(blank(form.getFirst("reference")), blank(form.getFirst("matter")),
                    blank(form.getFirst("event")), blank(form.getFirst("applicantType")), blank(form.getFirst("applicantId")),
                    blank(form.getFirst("applicantName")), FormAnswers.answers(form), null);
        }

        StartForm withError(String message) {
            return new StartForm(reference, matter, event, applicantType, applicantId, applicantName, answers, message);
        }

        /** The create request: a reference, or a matter or life event, with the applicant and the answers. */
        ObjectNode body(ObjectMapper mapper, Catalogue catalogue) {
            ObjectNode body;
            if (reference != null) {
                body = mapper.createObjectNode();
                body.put("reference", reference.toUpperCase(java.util.Locale.ROOT));
                body.set("answers", FormAnswers.typed(answers, catalogue));
            } else {
                body = FormAnswers.body(event == null ? matter : null, event, answers, catalogue);
            }
            ObjectNode applicant = body.putObject("applicant");
            applicant.put("type", applicantType == null ? "person" : applicantType);
            if (applicantId != null) {
                applicant.put("id", applicantId.strip().toUpperCase(java.util.Locale.ROOT));
            }
            if (applicantName != null) {
                applicant.put("name", applicantName.strip());
            }
            return body;
        }

        public String answer(String id) {
            return answers.get(id);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
