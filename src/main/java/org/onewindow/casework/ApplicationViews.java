package org.onewindow.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.CreditStanding;
import org.onewindow.intake.Outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns stored rows into {@link Application}s: names from the knowledge base, the supervision standing. */
@ApplicationScoped
public class ApplicationViews {

    @Inject
    ApplicationStore store;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    DeskCalendar calendar;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "onewindow.casework.warning-days", defaultValue = "2")
    int warningDays;

    /** The whole application: checklist, tasks, overrides and timeline. */
    Application full(ApplicationStore.Row row) {
        return view(row, store.materials(row.id()), store.tasks(row.id()), store.overrides(row.id()),
                store.timeline(row.id()));
    }

    /** Many applications for a list: three queries in all, whatever the number of rows (no N+1). */
    List<Application> listed(List<ApplicationStore.Row> rows) {
        List<Long> ids = rows.stream().map(ApplicationStore.Row::id).toList();
        Map<Long, List<ChecklistLine>> materials = store.materials(ids);
        Map<Long, List<DepartmentTask>> tasks = store.tasks(ids);
        List<Application> list = new ArrayList<>();
        for (ApplicationStore.Row row : rows) {
            list.add(view(row, materials.getOrDefault(row.id(), List.of()), tasks.getOrDefault(row.id(), List.of()),
                    List.of(), List.of()).listed());
        }
        return list;
    }

    private Application view(ApplicationStore.Row row, List<ChecklistLine> lines, List<DepartmentTask> tasks,
            List<Override> overrides, List<TimelineEntry> timeline) {
        Catalogue catalogue = catalogues.current();
        List<DepartmentTask> named = tasks.stream().map(t -> new DepartmentTask(t.department(),
                catalogue.department(t.department()).map(d -> d.name()).orElse(t.department()), t.role(), t.status(),
                t.reason(), t.decidedBy(), t.decidedAt())).toList();
        List<String> names = row.matters().stream().map(code -> catalogue.matter(code).map(m -> m.name()).orElse(code))
                .toList();
        String windowName = row.window() == null ? null
                : catalogue.window(row.window()).map(w -> w.name()).orElse(row.window());
        return new Application(row.id(), row.number(), row.status(), row.version(),
                new Application.ApplicantInfo(row.applicantType(), row.applicantId(), row.applicantName(),
                        row.creditStatus(), credit(row)),
                row.matters(), names, row.event(), row.window(), windowName, row.leadDepartment(), row.kioskReference(),
                row.ruleSetVersion(), row.decisionId(), row.promisedDays(), row.result(), row.createdBy(),
                row.createdAt(), row.acceptedOn(), row.dueOn(), row.acceptance(), row.deliveredOn(), lines, named,
                overrides, timeline, supervision(row, lines));
    }

    Supervision supervision(ApplicationStore.Row row, List<ChecklistLine> lines) {
        return Supervision.of(row.status(), row.acceptedOn(), row.dueOn(), lines, calendar.today(),
                calendar.workingDays(), warningDays);
    }

    CreditStanding credit(ApplicationStore.Row row) {
        if (row.creditSource() == null) {
            return null;
        }
        try {
            return json.readValue(row.creditSource(), CreditStanding.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The decision snapshot the application was taken on. */
    Outcome outcome(ApplicationStore.Row row) {
        try {
            return json.readValue(row.outcome(), Outcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the decision of application " + row.id(), e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
