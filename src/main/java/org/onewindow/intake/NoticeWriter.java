package org.onewindow.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.guide.Window;
import org.onewindow.platform.Messages;

/**
 * Writes the one-time notice (一次性告知): the matters, the window, everything to bring, what may
 * be supplied later and by when, and what else is needed in situations not yet answered — so
 * that nobody learns on a second visit that one more paper was needed.
 */
final class NoticeWriter {

    private final Messages msg;
    private final boolean english;

    NoticeWriter(Messages msg, boolean english) {
        this.msg = msg;
        this.english = english;
    }

    String write(Window window, List<MatterSummary> matters, List<MaterialItem> materials,
            List<ToleranceItem> tolerable, List<String> notes) {
        List<String> lines = new ArrayList<>();
        lines.add(msg.notice_title());
        if (matters.isEmpty()) {
            lines.add(msg.notice_no_matters()); // a life event none of whose matters applies to this applicant
            return String.join("\n", lines);
        }
        lines.add(msg.notice_matters(matters.stream().map(m -> english ? m.nameEn() : m.name())
                .collect(Collectors.joining(msg.notice_list_separator()))));
        lines.add(msg.notice_window(english ? window.nameEn() : window.name(), window.counter()));
        lines.add(msg.notice_bring());
        int index = 1;
        for (MaterialItem item : materials) {
            if (item.required() && !item.fromLibrary()) {
                lines.add(msg.notice_item(index++, name(item), form(item.form())));
            }
        }
        List<MaterialItem> library = materials.stream().filter(MaterialItem::fromLibrary).toList();
        if (!library.isEmpty()) {
            lines.add(msg.notice_library_header());
            library.forEach(item -> lines.add(msg.notice_library_item(name(item))));
        }
        for (MaterialItem item : materials) {
            if (item.producedBy() != null) {
                String producer = matters.stream().filter(m -> m.code().equals(item.producedBy()))
                        .map(m -> english ? m.nameEn() : m.name()).findFirst().orElse(item.producedBy());
                lines.add(msg.notice_produced(name(item), producer));
            }
        }
        if (!tolerable.isEmpty()) {
            lines.add(msg.notice_tolerable_header());
            tolerable.forEach(t -> lines.add(msg.notice_tolerable(english ? t.nameEn() : t.name(), t.deadlineDays())));
        }
        List<MaterialItem> pending = materials.stream().filter(MaterialItem::pending).toList();
        if (!pending.isEmpty()) {
            lines.add(msg.notice_pending_header());
            pending.forEach(p -> lines.add(msg.notice_pending_item(name(p), p.condition())));
        }
        for (MatterSummary matter : matters) {
            String name = english ? matter.nameEn() : matter.name();
            lines.add(matter.promisedDays() == 0 ? msg.notice_time_immediate(name) : msg.notice_time(name, matter.promisedDays()));
        }
        notes.forEach(n -> lines.add(msg.notice_note(n)));
        return String.join("\n", lines);
    }

    private String name(MaterialItem item) {
        if (english) {
            return item.nameEn() != null ? item.nameEn() : item.name();
        }
        return item.title() != null ? item.title() : item.name();
    }

    private String form(String form) {
        return switch (form == null ? "" : form) {
            case "copy" -> msg.form_copy();
            case "original-and-copy" -> msg.form_original_and_copy();
            default -> msg.form_original();
        };
    }
}
