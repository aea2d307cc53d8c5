package org.onewindow.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onewindow.casework.Application;
import org.onewindow.casework.ChecklistLine;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.guide.Catalogue;
import org.onewindow.platform.CaseworkMessages;
import org.onewindow.platform.Messages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The timeline in words, in the clerk's language: material and department names instead of codes,
 * dates written out ({@code 2026年6月12日} / {@code 12 June 2026}). Entries written before their
 * parameters were kept show their codes.
 */
final class TimelineWords {

    /** One timeline line as the page shows it. */
    record Line(String at, String actor, String kind, String text) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Catalogue catalogue;
    private final Application app;
    private final Messages msg;
    private final CaseworkMessages cw;
    private final boolean en;
    private final ObjectMapper json;

    TimelineWords(Catalogue catalogue, Application app, String lang, ObjectMapper json) {
        this.catalogue = catalogue;
        this.app = app;
        this.en = "en".equals(lang);
        this.msg = MessageBundles.get(Messages.class, Localized.Literal.of(en ? "en" : "zh"));
        this.cw = MessageBundles.get(CaseworkMessages.class, Localized.Literal.of(en ? "en" : "zh"));
        this.json = json;
    }

    static String date(Object value, boolean en) {
        if (value == null) {
            return "";
        }
        LocalDate d = value instanceof LocalDate l ? l : LocalDate.parse(String.valueOf(value));
        return en ? d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                : d.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }

    List<Line> lines(String zone) {
        List<Line> lines = new ArrayList<>();
        for (TimelineEntry e : app.timeline()) {
            lines.add(new Line(e.local(zone), e.actor(), e.kind(), text(e)));
        }
        return lines;
    }

    private String text(TimelineEntry e) {
        if (e.data() == null) {
            return e.detail();
        }
        Map<String, Object> d;
        try {
            d = json.readValue(e.data(), MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return e.detail();
        }
        return switch (e.kind()) {
            case "material" -> cw.tl_material(material(d.get("material")), msg.state_of(str(d.get("state"))));
            case "accepted", "accepted-with-tolerance" -> {
                String text = cw.tl_due(date(d.get("dueOn"), en));
                if (d.get("tolerated") instanceof Map<?, ?> tolerated) {
                    List<String> parts = new ArrayList<>();
                    tolerated.forEach((code, on) -> parts.add(cw.tl_tolerated(material(code), date(on, en))));
                    text += en ? "; " + String.join("; ", parts) : "；" + String.join("；", parts);
                }
                yield text;
            }
            case "dispatched" -> {
                List<String> parts = new ArrayList<>();
                if (d.get("departments") instanceof List<?> list) {
                    for (Object o : list) {
                        Map<?, ?> m = (Map<?, ?>) o;
                        parts.add(cw.tl_dispatched(department(m.get("code")), "lead".equals(m.get("role"))
                                ? msg.role_lead() : msg.role_parallel()));
                    }
                }
                yield String.join(en ? ", " : "、", parts);
            }
            case "decision" -> cw.tl_decision(department(d.get("department")), msg.task_of(str(d.get("decision"))))
                    + (d.get("reason") == null ? "" : (en ? "; " : "；") + cw.tl_reason(str(d.get("reason"))));
            case "supplied" -> Boolean.TRUE.equals(d.get("late"))
                    ? cw.tl_supplied_late(material(d.get("material")), date(d.get("dueOn"), en))
                    : cw.tl_supplied(material(d.get("material")));
            case "supplement-supplied" -> department(d.get("department"));
            case "returned" -> cw.tl_missing(materials(d.get("missing")));
            case "override-proposed" -> cw.tl_override_proposed(((Number) d.get("n")).intValue(),
                    cw.override_reason_of(str(d.get("reason"))), materials(d.get("materials")));
            case "override-approved", "override-rejected" -> cw.tl_override_decided(((Number) d.get("n")).intValue(),
                    d.get("comment") == null ? "" : cw.tl_comment(str(d.get("comment"))));
            case "card-yellow", "card-red" -> cw.tl_card(date(d.get("dueOn"), en));
            case "suspended" -> cw.tl_suspended(materials(d.get("materials")));
            case "resumed" -> material(d.get("material"));
            case "credit-changed" -> cw.tl_credit(cw.credit_of(str(d.get("from"))), cw.credit_of(str(d.get("to"))));
            case "rated" -> cw.tl_rated(((Number) d.get("score")).intValue());
            case "escalation-acknowledged", "follow-up-closed" -> str(d.get("comment"));
            case "created", "escalated" -> "";
            default -> e.detail();
        };
    }

    private String material(Object code) {
        String c = str(code);
        if (en) {
            var english = catalogue.material(c).map(m -> m.nameEn());
            if (english.isPresent() && english.get() != null) {
                return english.get();
            }
        }
        return app.checklist().stream().filter(l -> l.code().equals(c)).map(ChecklistLine::name).findFirst()
                .or(() -> catalogue.material(c).map(m -> m.name())).orElse(c);
    }

    private String materials(Object codes) {
        if (!(codes instanceof List<?> list)) {
            return "";
        }
        return String.join(en ? ", " : "、", list.stream().map(this::material).toList());
    }

    private String department(Object code) {
        String c = str(code);
        return catalogue.department(c).map(d -> en && d.nameEn() != null ? d.nameEn() : d.name()).orElse(c);
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
