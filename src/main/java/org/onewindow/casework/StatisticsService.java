package org.onewindow.casework;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;

/**
 * Computes {@link Statistics} from the applications (one query for the applications with their
 * material counts, one for the return reasons), and writes them as CSV.
 */
@ApplicationScoped
public class StatisticsService {

    static final int MAX_DAYS = 3 * 366;

    @Inject
    ApplicationStore store;

    @Inject
    DeskCalendar calendar;

    @Inject
    CatalogueRegistry catalogues;

    /** One application as statistics see it. */
    private record Case(String window, String department, List<String> matters, String acceptance, String status,
            LocalDate createdOn, LocalDate acceptedOn, LocalDate dueOn, LocalDate deliveredOn, int suppliedOnTime,
            int suppliedLate, int overdue, boolean supplementAsked) {
    }

    /** The range, defaulting to the current month up to today; refuses a reversed or over-long one. */
    public Statistics compute(LocalDate from, LocalDate to) {
        LocalDate today = calendar.today();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "ends before from (" + start + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("to", "at most " + MAX_DAYS + " days from 'from'");
        }
        List<Case> cases = cases(start, end, today);
        WorkingDays days = calendar.workingDays();
        Catalogue catalogue = catalogues.current();
        return new Statistics(start, end, figures(cases, days),
                groups(cases, c -> List.of(String.valueOf(c.window())), days,
                        code -> catalogue.window(code).map(w -> w.name()).orElse(code)),
                groups(cases, c -> List.of(String.valueOf(c.department())), days,
                        code -> catalogue.department(code).map(d -> d.name()).orElse(code)),
                groups(cases, Case::matters, days, code -> catalogue.matter(code).map(m -> m.name()).orElse(code)),
                returnReasons(start, end));
    }

    private List<Case> cases(LocalDate from, LocalDate to, LocalDate today) {
        return store.with(c -> {
            try (PreparedStatement ps = store.prepare(c, """
                    SELECT a.window_code, a.lead_department, a.matters, a.acceptance, a.status, a.created_on,
                        a.accepted_on, a.due_on, a.delivered_on,
                        count(m.code) FILTER (WHERE m.state = 'supplied' AND m.supplied_on <= m.due_on),
                        count(m.code) FILTER (WHERE m.state = 'supplied' AND m.supplied_on > m.due_on),
                        count(m.code) FILTER (WHERE m.state = 'tolerated' AND m.due_on < ?),
                        EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = a.id AND e.kind = 'decision'
                            AND e.detail LIKE '%=supplement-requested%')
                    FROM application a LEFT JOIN application_material m ON m.application_id = a.id
                    WHERE a.created_on BETWEEN ? AND ?
                    GROUP BY a.id
                    """)) {
                ApplicationStore.set(ps, today, from, to);
                List<Case> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String matters = rs.getString(3);
                        list.add(new Case(rs.getString(1), rs.getString(2),
                                matters == null || matters.isEmpty() ? List.of() : Arrays.asList(matters.split(",")),
                                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                                rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                                rs.getBoolean(13)));
                    }
                }
                return list;
            }
        });
    }

    private List<Statistics.ReturnReason> returnReasons(LocalDate from, LocalDate to) {
        return store.with(c -> {
            try (PreparedStatement ps = store.prepare(c, """
                    SELECT m.code, min(m.name), count(*) FROM application_material m
                    JOIN application a ON a.id = m.application_id
                    WHERE a.status = 'returned' AND m.state = 'missing' AND a.created_on BETWEEN ? AND ?
                    GROUP BY m.code ORDER BY 3 DESC, 1 LIMIT 20
                    """)) {
                ApplicationStore.set(ps, from, to);
                List<Statistics.ReturnReason> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Statistics.ReturnReason(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                return list;
            }
        });
    }

    private static List<Statistics.Group> groups(List<Case> cases, Function<Case, List<String>> keys, WorkingDays days,
            Function<String, String> name) {
        Map<String, List<Case>> grouped = new LinkedHashMap<>();
        for (Case c : cases) {
            for (String key : keys.apply(c)) {
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        return grouped.entrySet().stream()
                .map(e -> new Statistics.Group(e.getKey(), name.apply(e.getKey()), figures(e.getValue(), days)))
                .sorted(Comparator.comparingInt((Statistics.Group g) -> -g.figures().received())
                        .thenComparing(Statistics.Group::code))
                .toList();
    }

    private static Statistics.Figures figures(List<Case> cases, WorkingDays days) {
        int accepted = 0;
        int tolerance = 0;
        int returned = 0;
        int delivered = 0;
        int inTime = 0;
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        int oneVisit = 0;
        long deliveryDays = 0;
        for (Case c : cases) {
            if ("accepted".equals(c.acceptance())) {
                accepted++;
            } else if ("accepted-with-tolerance".equals(c.acceptance())) {
                tolerance++;
            } else if ("returned".equals(c.status())) {
                returned++;
            }
            if (c.acceptance() != null && c.acceptedOn() != null && c.acceptedOn().equals(c.createdOn())
                    && !c.supplementAsked()) {
                oneVisit++;
            }
            if (c.deliveredOn() != null) {
                delivered++;
                if (c.dueOn() != null && !c.deliveredOn().isAfter(c.dueOn())) {
                    inTime++;
                }
                if (c.acceptedOn() != null) {
                    deliveryDays += days.between(c.acceptedOn(), c.deliveredOn());
                }
            }
            onTime += c.suppliedOnTime();
            late += c.suppliedLate();
            overdue += c.overdue();
        }
        int decided = accepted + tolerance + returned;
        return new Statistics.Figures(cases.size(), accepted, tolerance, returned, delivered, inTime, onTime, late,
                overdue, oneVisit, decided == 0 ? null : round((double) oneVisit / decided),
                delivered == 0 ? null : round((double) deliveryDays / delivered));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The statistics as CSV: one line for the total and one per window, department and matter. */
    public String csv(Statistics s) {
        StringBuilder out = new StringBuilder("dimension,code,name,received,accepted,acceptedWithTolerance,returned,"
                + "delivered,deliveredInTime,toleratedSuppliedOnTime,toleratedSuppliedLate,toleratedOverdue,oneVisit,"
                + "oneVisitRate,meanWorkingDaysToDelivery\n");
        line(out, "total", "", "", s.total());
        s.byWindow().forEach(g -> line(out, "window", g.code(), g.name(), g.figures()));
        s.byDepartment().forEach(g -> line(out, "department", g.code(), g.name(), g.figures()));
        s.byMatter().forEach(g -> line(out, "matter", g.code(), g.name(), g.figures()));
        s.returnReasons().forEach(r -> out.append("return-reason,").append(quote(r.code())).append(',')
                .append(quote(r.name())).append(',').append(r.count()).append(",,,,,,,,,,,\n"));
        return out.toString();
    }

    private static void line(StringBuilder out, String dimension, String code, String name, Statistics.Figures f) {
        out.append(dimension).append(',').append(quote(code)).append(',').append(quote(name)).append(',')
                .append(f.received()).append(',').append(f.accepted()).append(',').append(f.acceptedWithTolerance())
                .append(',').append(f.returned()).append(',').append(f.delivered()).append(',')
                .append(f.deliveredInTime()).append(',').append(f.toleratedSuppliedOnTime()).append(',')
                .append(f.toleratedSuppliedLate()).append(',').append(f.toleratedOverdue()).append(',')
                .append(f.oneVisit()).append(',').append(f.oneVisitRate() == null ? "" : f.oneVisitRate()).append(',')
                .append(f.meanWorkingDaysToDelivery() == null ? "" : f.meanWorkingDaysToDelivery()).append('\n');
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        // a leading = + - @ would be a formula in a spreadsheet: neutralise it
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
