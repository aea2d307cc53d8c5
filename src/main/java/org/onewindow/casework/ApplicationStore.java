package org.onewindow.casework;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The SQL of applications. Each method takes a connection from the data source; inside a
 * {@code @Transactional} service method that is the transaction's one connection (Agroal enlists
 * it with Narayana), so a change and its timeline entries commit or roll back together. The
 * services decide what a change is; this class only reads and writes rows.
 */
@ApplicationScoped
public class ApplicationStore {

    /** The application row as stored, with the decision snapshot and situation as JSON text. */
    record Row(long id, String number, ApplicationStatus status, int version, String applicantType, String applicantId,
            String applicantName, String creditStatus, String creditSource, List<String> matters, String event,
            String situation, String outcome, Long decisionId, String ruleSetVersion, String kioskReference,
            String window, String leadDepartment, int promisedDays, String result, String createdBy,
            OffsetDateTime createdAt, LocalDate createdOn, LocalDate acceptedOn, LocalDate dueOn, String acceptance,
            String acceptedBy, LocalDate deliveredOn, String card, String requestHash) {
    }

    /** What a new application is made of. */
    record NewRow(String applicantType, String applicantId, String applicantName, String creditStatus,
            String creditSource, List<String> matters, String event, String situation, String outcome, Long decisionId,
            String ruleSetVersion, String kioskReference, String window, String leadDepartment, int promisedDays,
            String createdBy, String idempotencyKey, String requestHash) {
    }

    private static final String COLUMNS = """
            id, number, status, version, applicant_type, applicant_id, applicant_name, credit_status, credit_source,
            matters, event_code, situation, outcome, decision_id, rule_set_version, kiosk_reference, window_code,
            lead_department, promised_days, result, created_by, created_at, created_on, accepted_on, due_on,
            acceptance, accepted_by, delivered_on, card, request_hash
            """;

    /** SQL statements run: the queue's cost is measured by it (docs/benchmarks.md), not guessed. */
    private final LongAdder statements = new LongAdder();

    @Inject
    DataSource dataSource;

    public long statements() {
        return statements.sum();
    }

    // --- applications --------------------------------------------------------------------

    /** Inserts an application; empty when the creator's idempotency key is already taken. */
    Optional<Long> insert(NewRow n, LocalDate today, OffsetDateTime now) {
        return with(c -> {
            long seq;
            try (PreparedStatement ps = prepare(c, "SELECT nextval('application_number_seq')");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            String number = String.format("SL%s-%06d", today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                    seq);
            try (PreparedStatement ps = prepare(c, """
                    INSERT INTO application (number, status, applicant_type, applicant_id, applicant_name, credit_status,
                        credit_source, matters, event_code, situation, outcome, decision_id, rule_set_version,
                        kiosk_reference, window_code, lead_department, promised_days, created_by, idempotency_key,
                        request_hash, created_at, created_on, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (created_by, idempotency_key) DO NOTHING
                    RETURNING id
                    """)) {
                set(ps, number, ApplicationStatus.CHECKING.code(), n.applicantType(), n.applicantId(), n.applicantName(),
                        n.creditStatus(), n.creditSource(), String.join(",", n.matters()), n.event(), n.situation(),
                        n.outcome(), n.decisionId(), n.ruleSetVersion(), n.kioskReference(), n.window(),
                        n.leadDepartment(), n.promisedDays(), n.createdBy(), n.idempotencyKey(), n.requestHash(), now,
                        today, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    Optional<Long> idForKey(String createdBy, String key) {
        return oneLong("SELECT id FROM application WHERE created_by = ? AND idempotency_key = ?", createdBy, key);
    }

    Optional<Row> find(long id) {
        return one("SELECT " + COLUMNS + " FROM application WHERE id = ?", id);
    }

    /** Reads and locks the row until the transaction ends: concurrent changes to one application queue here. */
    Optional<Row> lock(long id) {
        return one("SELECT " + COLUMNS + " FROM application WHERE id = ? FOR UPDATE", id);
    }

    /** Locks the row unless someone else holds it (then empty): the supervision job never waits on the desk. */
    Optional<Row> lockIfFree(long id) {
        return one("SELECT " + COLUMNS + " FROM application WHERE id = ? FOR UPDATE SKIP LOCKED", id);
    }

    Optional<Long> idForNumber(String number) {
        return oneLong("SELECT id FROM application WHERE number = ?", number);
    }

    /** The applications whose time limit runs: what the supervision job looks at. */
    List<Long> running() {
        return with(c -> {
            try (PreparedStatement ps = prepare(c,
                    "SELECT id FROM application WHERE status IN ('accepted', 'accepted-with-tolerance', 'suspended') "
                            + "ORDER BY id")) {
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * The queue: the newest first, filtered by status, by a search text matching the number, the
     * applicant's ID or name, or the kiosk reference, and — for a department's reviewer — by a task
     * of that department.
     */
    List<Row> list(List<ApplicationStatus> statuses, String text, int limit, String onlyDepartment) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM application WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append(String.join(",", statuses.stream().map(s -> "?").toList())).append(')');
            statuses.forEach(s -> args.add(s.code()));
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (number = ? OR applicant_id = ? OR kiosk_reference = ? OR applicant_name LIKE ?)");
            String t = text.strip();
            args.add(t);
            args.add(t.toUpperCase(java.util.Locale.ROOT));
            args.add(t.toUpperCase(java.util.Locale.ROOT));
            args.add("%" + t.replace("%", "").replace("_", "") + "%");
        }
        if (onlyDepartment != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM department_task t WHERE t.application_id = application.id"
                    + " AND t.department = ?)");
            args.add(onlyDepartment);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return with(c -> {
            try (PreparedStatement ps = prepare(c, sql.toString())) {
                set(ps, args.toArray());
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Moves the application to a new status and version; the row is locked by the caller. */
    void update(long id, ApplicationStatus status, LocalDate acceptedOn, LocalDate dueOn, String result,
            OffsetDateTime now) {
        exec("""
                UPDATE application SET status = ?, accepted_on = COALESCE(?, accepted_on), due_on = COALESCE(?, due_on),
                    result = COALESCE(?, result), version = version + 1, updated_at = ?
                WHERE id = ?
                """, status.code(), acceptedOn, dueOn, result, now, id);
    }

    void accepted(long id, ApplicationStatus acceptance, String by) {
        exec("UPDATE application SET acceptance = ?, accepted_by = ? WHERE id = ?", acceptance.code(), by, id);
    }

    void delivered(long id, LocalDate on) {
        exec("UPDATE application SET delivered_on = ? WHERE id = ?", on, id);
    }

    /** The supervision card the job wrote last, so that each change of colour is recorded once. */
    void card(long id, String card) {
        exec("UPDATE application SET card = ? WHERE id = ?", card, id);
    }

    /** A new decision for the application (its credit changed, or an override was approved). */
    void redecided(long id, String creditStatus, String creditSource, String outcome, Long decisionId) {
        exec("""
                UPDATE application SET credit_status = ?, credit_source = CAST(? AS jsonb), outcome = CAST(? AS jsonb),
                    decision_id = ? WHERE id = ?
                """, creditStatus, creditSource, outcome, decisionId, id);
    }

    // --- materials -------------------------------------------------------------------------

    void insertMaterials(long id, List<ChecklistLine> lines) {
        with(c -> {
            try (PreparedStatement ps = prepare(c, """
                    INSERT INTO application_material (application_id, code, position, name, key_material, tolerable,
                        deadline_days, state, received_form)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                int position = 0;
                for (ChecklistLine l : lines) {
                    set(ps, id, l.code(), position++, l.name(), l.key(), l.tolerable(), l.deadlineDays(), l.state().code(),
                            l.form());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    void setMaterial(long id, String code, MaterialState state, String form, LocalDate dueOn, String actor,
            LocalDate suppliedOn, OffsetDateTime now) {
        exec("""
                UPDATE application_material SET state = ?, received_form = COALESCE(?, received_form), due_on = ?,
                    supplied_on = ?, updated_by = ?, updated_at = ?
                WHERE application_id = ? AND code = ?
                """, state.code(), form, dueOn, suppliedOn, actor, now, id, code);
    }

    /** The decision's tolerance of a checklist line changed (the applicant's credit changed). */
    void tolerance(long id, String code, boolean tolerable, Integer deadlineDays) {
        exec("UPDATE application_material SET tolerable = ?, deadline_days = ? WHERE application_id = ? AND code = ?",
                tolerable, deadlineDays, id, code);
    }

    List<ChecklistLine> materials(long id) {
        return materials(List.of(id)).getOrDefault(id, List.of());
    }

    /** The checklists of many applications in one query (the queue must not ask once per application). */
    Map<Long, List<ChecklistLine>> materials(Collection<Long> ids) {
        Map<Long, List<ChecklistLine>> byApplication = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byApplication;
        }
        return with(c -> {
            try (PreparedStatement ps = prepare(c, """
                    SELECT application_id, code, name, key_material, tolerable, deadline_days, state, received_form,
                        due_on, updated_by, supplied_on
                    FROM application_material WHERE application_id = ANY(?) ORDER BY application_id, position
                    """)) {
                ps.setArray(1, longs(c, ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int days = rs.getInt(6);
                        Integer deadline = rs.wasNull() ? null : days;
                        byApplication.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ChecklistLine(
                                rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), deadline,
                                MaterialState.of(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class),
                                rs.getString(10), rs.getObject(11, LocalDate.class)));
                    }
                }
                return byApplication;
            }
        });
    }

    // --- department tasks ------------------------------------------------------------------

    void insertTasks(long id, List<DepartmentTask> tasks) {
        with(c -> {
            try (PreparedStatement ps = prepare(c, """
                    INSERT INTO department_task (application_id, department, role, status) VALUES (?, ?, ?, ?)
                    ON CONFLICT (application_id, department) DO NOTHING
                    """)) {
                for (DepartmentTask t : tasks) {
                    set(ps, id, t.department(), t.role(), t.status());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    void updateTask(long id, String department, String status, String reason, String actor, OffsetDateTime now) {
        exec("""
                UPDATE department_task SET status = ?, reason = ?, decided_by = ?, decided_at = ?
                WHERE application_id = ? AND department = ?
                """, status, reason, actor, actor == null ? null : now, id, department);
    }

    List<DepartmentTask> tasks(long id) {
        return tasks(List.of(id)).getOrDefault(id, List.of());
    }

    /** Tasks of many applications in one query, each in dispatch order: the lead department first. */
    Map<Long, List<DepartmentTask>> tasks(Collection<Long> ids) {
        Map<Long, List<DepartmentTask>> byApplication = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byApplication;
        }
        return with(c -> {
            try (PreparedStatement ps = prepare(c, """
                    SELECT application_id, department, role, status, reason, decided_by, decided_at FROM department_task
                    WHERE application_id = ANY(?)
                    ORDER BY application_id, CASE role WHEN 'lead' THEN 0 ELSE 1 END, department
                    """)) {
                ps.setArray(1, longs(c, ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byApplication.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DepartmentTask(
                                rs.getString(2), null, rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                    }
                }
                return byApplication;
            }
        });
    }

    // --- timeline ---------------------------------------------------------------------------

    void event(long id, String actor, String kind, String detail, String data, OffsetDateTime at) {
        exec("INSERT INTO application_event (application_id, actor, kind, detail, data, at) "
                + "VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)", id, actor, kind,
                detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail, data, at);
    }

    List<TimelineEntry> timeline(long id) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c,
                    "SELECT at, actor, kind, detail, data FROM application_event WHERE application_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                List<TimelineEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new TimelineEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return entries;
            }
        });
    }

    // --- overrides --------------------------------------------------------------------------

    int insertOverride(long id, List<String> materials, String reason, String note, String basis, String by,
            OffsetDateTime at) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, """
                    INSERT INTO application_override (application_id, n, status, materials, reason, note, basis,
                        proposed_by, proposed_at)
                    SELECT ?, COALESCE(MAX(n), 0) + 1, 'proposed', ?, ?, ?, ?, ?, ? FROM application_override
                    WHERE application_id = ?
                    RETURNING n
                    """)) {
                set(ps, id, String.join(",", materials), reason, note, basis, by, at, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    void decideOverride(long id, int n, String status, String by, String comment, OffsetDateTime at) {
        exec("UPDATE application_override SET status = ?, decided_by = ?, decided_at = ?, comment = ? "
                + "WHERE application_id = ? AND n = ?", status, by, at, comment, id, n);
    }

    List<Override> overrides(long id) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, """
                    SELECT n, status, materials, reason, note, basis, proposed_by, proposed_at, decided_by, decided_at,
                        comment FROM application_override WHERE application_id = ? ORDER BY n
                    """)) {
                ps.setLong(1, id);
                List<Override> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Override(rs.getInt(1), rs.getString(2), Arrays.asList(rs.getString(3).split(",")),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                                rs.getObject(10, OffsetDateTime.class), rs.getString(11)));
                    }
                }
                return list;
            }
        });
    }

    /** Applications with an override waiting for a supervisor. */
    List<Long> awaitingSupervisor() {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT DISTINCT o.application_id FROM application_override o "
                    + "JOIN application a ON a.id = o.application_id WHERE o.status = 'proposed' AND a.status = 'checking' "
                    + "ORDER BY o.application_id");
                    ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    // --- plumbing ---------------------------------------------------------------------------

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs SQL on the current transaction's connection (or a connection of its own outside one). */
    <T> T with(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        statements.increment();
        return c.prepareStatement(sql);
    }

    int exec(String sql, Object... args) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                set(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private Optional<Row> one(String sql, long id) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private Optional<Long> oneLong(String sql, Object... args) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                set(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    static void set(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object value = args[i];
            if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    private static Array longs(Connection c, Collection<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        long decision = rs.getLong("decision_id");
        Long decisionId = rs.wasNull() ? null : decision;
        String matters = rs.getString("matters");
        return new Row(rs.getLong("id"), rs.getString("number"), ApplicationStatus.of(rs.getString("status")),
                rs.getInt("version"), rs.getString("applicant_type"), rs.getString("applicant_id"),
                rs.getString("applicant_name"), rs.getString("credit_status"), rs.getString("credit_source"),
                matters == null || matters.isEmpty() ? List.of() : Arrays.asList(matters.split(",")),
                rs.getString("event_code"), rs.getString("situation"), rs.getString("outcome"), decisionId,
                rs.getString("rule_set_version"), rs.getString("kiosk_reference"), rs.getString("window_code"),
                rs.getString("lead_department"), rs.getInt("promised_days"), rs.getString("result"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("created_on", LocalDate.class), rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("acceptance"), rs.getString("accepted_by"),
                rs.getObject("delivered_on", LocalDate.class), rs.getString("card"), rs.getString("request_hash"));
    }
}
