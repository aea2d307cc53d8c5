package org.onewindow.casework;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.onewindow.intake.Outcome;
import org.onewindow.platform.Messages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The one-time notice (一次性告知书) of an application that cannot be accepted as it is: every
 * material still needed, and which of them may come later under a commitment.
 */
@ApplicationScoped
public class CaseNotices {

    String missing(ApplicationStore.Row row, Outcome outcome, List<CompletenessCheck.Missing> missing,
            List<CompletenessCheck.Tolerable> tolerable) {
        Messages msg = MessageBundles.get(Messages.class, Localized.Literal.of("zh"));
        List<String> lines = new ArrayList<>();
        lines.add(msg.notice_title());
        String matters = String.join(msg.notice_list_separator(), outcome.matters().stream().map(m -> m.name()).toList());
        lines.add(msg.case_notice_intro(row.applicantName() == null ? row.applicantId() : row.applicantName(), matters,
                row.number()));
        int index = 1;
        for (CompletenessCheck.Missing m : missing) {
            if (!m.tolerable()) {
                lines.add(msg.case_notice_item(index++, m.name()));
            }
        }
        if (!tolerable.isEmpty()) {
            lines.add(msg.notice_tolerable_header());
            tolerable.forEach(t -> lines.add(msg.notice_tolerable(t.name(), t.deadlineDays())));
        }
        if (outcome.window() != null) {
            lines.add(msg.case_notice_footer(outcome.window().name()));
        }
        return String.join("\n", lines);
    }
}
