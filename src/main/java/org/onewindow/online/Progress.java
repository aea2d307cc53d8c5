package org.onewindow.online;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.casework.Actor;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.ChecklistLine;
import org.onewindow.casework.DepartmentTask;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.platform.OnlineMessages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * 全过程查询 for applicants: an application's progress by its number (or the kiosk reference it was
 * started from) and the last six characters of the applicant's ID. A wrong pair is one answer, never
 * saying which part was wrong. Steps are written from the timeline in plain words.
 */
@ApplicationScoped
public class Progress {

    /** Reads applications on the applicant's behalf: no department restriction, nothing changed. */
    static final Actor READER = new Actor("progress", Set.of(), null);
    private static final int TAIL = 6;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    ApplicationQueries queries;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    ObjectMapper json;

    @Inject
    java.time.Clock clock;

    /** The application behind a number or kiosk reference and ID tail, or empty (one answer for any mismatch). */
    public Optional<Application> find(String number, String idTail) {
        if (number == null || idTail == null || number.isBlank() || number.length() > 40
                || idTail.strip().length() != TAIL) {
            return Optional.empty();
        }
        String n = number.strip().toUpperCase(Locale.ROOT);
        Optional<Application> app = queries.byNumber(n, READER);
        if (app.isEmpty() && n.startsWith("OW-")) {
            app = queries.queue(List.of(), n, 5, READER).stream().filter(a -> n.equals(a.kioskReference()))
                    .findFirst().flatMap(a -> queries.byNumber(a.number(), READER));
        }
        String tail = idTail.strip().toUpperCase(Locale.ROOT);
        return app.filter(a -> a.applicant().id() != null && a.applicant().id().toUpperCase(Locale.ROOT).endsWith(tail));
    }

    /** The progress of an application already found (the applicant's own, online). */
    public ProgressView of(Application app) {
        Catalogue catalogue = catalogues.current();
        OnlineMessages zh = MessageBundles.get(OnlineMessages.class, Localized.Literal.of("zh"));
        OnlineMessages en = MessageBundles.get(OnlineMessages.class, Localized.Literal.of("en"));
        List<ProgressView.Step> steps = new ArrayList<>();
        boolean online = app.createdBy() != null && app.createdBy().startsWith("online:");
        for (TimelineEntry e : app.timeline()) {
            Map<String, Object> data = data(e);
            Function<OnlineMessages, String> words = switch (e.kind()) {
                case "created" -> m -> online ? m.step_created_online() : m.step_created();
                case "accepted" -> m -> m.step_accepted(date(data.get("dueOn"), m == en));
                case "accepted-with-tolerance" -> m -> m.step_accepted_tolerance(date(data.get("dueOn"), m == en));
                case "dispatched" -> m -> m.step_dispatched(departments(catalogue, data, m == en, m.list_separator()));
                case "decision" -> m -> decision(m, catalogue, data, m == en);
                case "supplement-supplied" -> m -> m.step_supplement_supplied(department(catalogue,
                        String.valueOf(data.get("department")), m == en));
                case "supplied" -> m -> m.step_supplied(material(catalogue, String.valueOf(data.get("material")), m == en));
                case "suspended" -> OnlineMessages::step_suspended;
                case "resumed" -> OnlineMessages::step_resumed;
                case "ready-for-pickup" -> m -> m.step_ready(window(catalogue, app, m == en));
                case "delivered" -> OnlineMessages::step_delivered;
                case "returned" -> OnlineMessages::step_returned;
                case "rated" -> OnlineMessages::step_rated;
                default -> null; // the desk's own steps (check-in clicks, cards, overrides) are not the applicant's
            };
            if (words != null) {
                steps.add(new ProgressView.Step(e.local(clock.getZone().getId()), words.apply(zh), words.apply(en)));
            }
        }
        List<ProgressView.Waiting> waiting = new ArrayList<>();
        for (ChecklistLine l : app.checklist()) {
            if (l.outstanding()) {
                waiting.add(new ProgressView.Waiting(l.code(), l.name(), nameEn(catalogue, l.code()), l.dueOn(), null));
            }
        }
        for (DepartmentTask t : app.tasks()) {
            if (DepartmentTask.SUPPLEMENT.equals(t.status())) {
                waiting.add(new ProgressView.Waiting(null, department(catalogue, t.department(), false),
                        department(catalogue, t.department(), true), null, t.reason()));
            }
        }
        List<ProgressView.MatterName> matters = app.matters().stream().map(code -> catalogue.matter(code)
                .map(m -> new ProgressView.MatterName(code, m.name(), m.nameEn()))
                .orElse(new ProgressView.MatterName(code, code, code))).toList();
        return new ProgressView(app.number(), app.status().code(), matters, steps, waiting, app.dueOn(), app.result(),
                app.status() == ApplicationStatus.DELIVERED);
    }

    private String decision(OnlineMessages m, Catalogue catalogue, Map<String, Object> data, boolean en) {
        String department = department(catalogue, String.valueOf(data.get("department")), en);
        String reason = data.get("reason") == null ? "" : String.valueOf(data.get("reason"));
        return switch (String.valueOf(data.get("decision"))) {
            case DepartmentTask.APPROVED -> m.step_approved(department);
            case DepartmentTask.REJECTED -> m.step_rejected(department, reason);
            default -> m.step_supplement(department, reason);
        };
    }

    @SuppressWarnings("unchecked")
    private static String departments(Catalogue catalogue, Map<String, Object> data, boolean en, String separator) {
        Object list = data.get("departments");
        List<String> names = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> d) {
                    names.add(department(catalogue, String.valueOf(((Map<String, Object>) d).get("code")), en));
                }
            }
        }
        return String.join(separator, names);
    }

    private static String department(Catalogue catalogue, String code, boolean en) {
        return catalogue.department(code).map(d -> en && d.nameEn() != null ? d.nameEn() : d.name()).orElse(code);
    }

    private static String material(Catalogue catalogue, String code, boolean en) {
        return catalogue.material(code).map(m -> en && m.nameEn() != null ? m.nameEn() : m.name()).orElse(code);
    }

    private static String nameEn(Catalogue catalogue, String code) {
        return catalogue.material(code).map(m -> m.nameEn() != null ? m.nameEn() : m.name()).orElse(code);
    }

    private static String window(Catalogue catalogue, Application app, boolean en) {
        return catalogue.window(app.window()).map(w -> en && w.nameEn() != null ? w.nameEn() : w.name())
                .orElse(app.windowName() == null ? "" : app.windowName());
    }

    public static String date(Object value, boolean en) {
        if (value == null) {
            return "";
        }
        LocalDate d = value instanceof LocalDate l ? l : LocalDate.parse(String.valueOf(value).substring(0, 10));
        return en ? d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                : d.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }

    private Map<String, Object> data(TimelineEntry e) {
        try {
            return e.data() == null ? Map.of() : json.readValue(e.data(), MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return Map.of();
        }
    }
}
