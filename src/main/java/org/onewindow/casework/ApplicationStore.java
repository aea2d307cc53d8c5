package org.onewindow.casework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL of applications, always inside the caller's connection and transaction: the service
 * decides what a change is, this class only reads and writes rows.
 */
@ApplicationScoped
class ApplicationStore {

    /** The application row as stored, with the decision snapshot and situation as JSON text. */
    record Row(long id, String number, ApplicationStatus status, int version, String applicantType, String applicantId,
            String applicantName, String creditStatus, List<String> matters, String event, String situation,
            String outcome, Long decisionId, String ruleSetVersion, String kioskReference, String window,
            String leadDepartment, int promisedDays, String result, String createdBy, OffsetDateTime createdAt,
            LocalDate acceptedOn, LocalDate dueOn, String requestHash) {
    }

    /** What a new application is made of. */
    record NewRow(String applicantType, String applicantId, String applicantName, String creditStatus,
            List<String> matters, String event, String situation, String outcome, Long decisionId,
            String ruleSetVersion, String kioskReference, String window, String leadDepartment, int promisedDays,
            String createdBy, String idempotencyKey, String requestHash) {
    }

    private static final String COLUMNS = """
            id, number, status, version, applicant_type, applicant_id, applicant_name, credit_status, matters,
            event_code, situation, outcome, decision_id, rule_set_version, kiosk_reference, window_code,
            lead_department, promised_days, result, created_by, created_at, accepted_on, due_on, request_hash
            """;

    /** Inserts an application; empty when its idempotency key is already taken (the caller returns that one). */
    Optional<Long> insert(Connection c, NewRow n, LocalDate today) throws SQLException {
        long seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('application_number_seq')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        String number = String.format("SL%s-%06d", today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), seq);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO application (number, status, applicant_type, applicant_id, applicant_name, credit_status,
                    matters, event_code, situation, outcome, decision_id, rule_set_version, kiosk_reference, window_code,
                    lead_department, promised_days, created_by, idempotency_key, request_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id
                """)) {
            ps.setString(1, number);
            ps.setString(2, ApplicationStatus.CHECKING.code());
            ps.setString(3, n.applicantType());
            ps.setString(4, n.applicantId());
            ps.setString(5, n.applicantName());
            ps.setString(6, n.creditStatus());
            ps.setString(7, String.join(",", n.matters()));
            ps.setString(8, n.event());
            ps.setString(9, n.situation());
            ps.setString(10, n.outcome());
            setLong(ps, 11, n.decisionId());
            ps.setString(12, n.ruleSetVersion());
            ps.setString(13, n.kioskReference());
            ps.setString(14, n.window());
            ps.setString(15, n.leadDepartment());
            ps.setInt(16, n.promisedDays());
            ps.setString(17, n.createdBy());
            ps.setString(18, n.idempotencyKey());
            ps.setString(19, n.requestHash());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    Optional<Long> idForKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM application WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    Optional<Row> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM application WHERE id = ?", id);
    }

    /** Reads and locks the row until the transaction ends: concurrent changes to one application queue here. */
    Optional<Row> lock(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM application WHERE id = ? FOR UPDATE", id);
    }

    Optional<Long> idForNumber(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM application WHERE number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * The queue: the newest first, filtered by status and by a search text matching the number, the
     * applicant's ID or name, or the kiosk reference.
     */
    List<Row> list(Connection c, List<ApplicationStatus> statuses, String text, int limit) throws SQLException {
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
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /** Moves the application to a new status and version; the row is locked by the caller. */
    void update(Connection c, long id, ApplicationStatus status, LocalDate acceptedOn, LocalDate dueOn, String result)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE application SET status = ?, accepted_on = COALESCE(?, accepted_on), due_on = COALESCE(?, due_on),
                    result = COALESCE(?, result), version = version + 1, updated_at = now()
                WHERE id = ?
                """)) {
            ps.setString(1, status.code());
            ps.setObject(2, acceptedOn);
            ps.setObject(3, dueOn);
            ps.setString(4, result);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    void insertMaterials(Connection c, long id, List<ChecklistLine> lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO application_material (application_id, code, position, name, key_material, tolerable,
                    deadline_days, state, received_form)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            int position = 0;
            for (ChecklistLine l : lines) {
                ps.setLong(1, id);
                ps.setString(2, l.code());
                ps.setInt(3, position++);
                ps.setString(4, l.name());
                ps.setBoolean(5, l.key());
                ps.setBoolean(6, l.tolerable());
                if (l.deadlineDays() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, l.deadlineDays());
                }
                ps.setString(8, l.state().code());
                ps.setString(9, l.form());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void setMaterial(Connection c, long id, String code, MaterialState state, String form, LocalDate dueOn, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE application_material SET state = ?, received_form = COALESCE(?, received_form), due_on = ?,
                    updated_by = ?, updated_at = now()
                WHERE application_id = ? AND code = ?
                """)) {
            ps.setString(1, state.code());
            ps.setString(2, form);
            ps.setObject(3, dueOn);
            ps.setString(4, actor);
            ps.setLong(5, id);
            ps.setString(6, code);
            ps.executeUpdate();
        }
    }

    List<ChecklistLine> materials(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT code, name, key_material, tolerable, deadline_days, state, received_form, due_on, updated_by
                FROM application_material WHERE application_id = ? ORDER BY position
                """)) {
            ps.setLong(1, id);
            List<ChecklistLine> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int days = rs.getInt(5);
                    Integer deadline = rs.wasNull() ? null : days;
                    lines.add(new ChecklistLine(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                            deadline, MaterialState.of(rs.getString(6)), rs.getString(7),
                            rs.getObject(8, LocalDate.class), rs.getString(9)));
                }
            }
            return lines;
        }
    }

    void insertTasks(Connection c, long id, List<DepartmentTask> tasks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO department_task (application_id, department, role, status) VALUES (?, ?, ?, ?)
                ON CONFLICT (application_id, department) DO NOTHING
                """)) {
            for (DepartmentTask t : tasks) {
                ps.setLong(1, id);
                ps.setString(2, t.department());
                ps.setString(3, t.role());
                ps.setString(4, t.status());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void updateTask(Connection c, long id, String department, String status, String reason, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE department_task SET status = ?, reason = ?, decided_by = ?, decided_at = now()
                WHERE application_id = ? AND department = ?
                """)) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setString(3, actor);
            ps.setLong(4, id);
            ps.setString(5, department);
            ps.executeUpdate();
        }
    }

    /** Tasks in dispatch order: the lead department first. */
    List<DepartmentTask> tasks(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT department, role, status, reason, decided_by, decided_at FROM department_task
                WHERE application_id = ? ORDER BY CASE role WHEN 'lead' THEN 0 ELSE 1 END, department
                """)) {
            ps.setLong(1, id);
            List<DepartmentTask> tasks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tasks.add(new DepartmentTask(rs.getString(1), null, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
            return tasks;
        }
    }

    void event(Connection c, long id, String actor, String kind, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO application_event (application_id, actor, kind, detail) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, actor);
            ps.setString(3, kind);
            ps.setString(4, detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail);
            ps.executeUpdate();
        }
    }

    List<TimelineEntry> timeline(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, actor, kind, detail FROM application_event WHERE application_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            List<TimelineEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                            rs.getString(3), rs.getString(4)));
                }
            }
            return entries;
        }
    }

    private Optional<Row> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long decision = rs.getLong("decision_id");
        Long decisionId = rs.wasNull() ? null : decision;
        String matters = rs.getString("matters");
        return new Row(rs.getLong("id"), rs.getString("number"), ApplicationStatus.of(rs.getString("status")),
                rs.getInt("version"), rs.getString("applicant_type"), rs.getString("applicant_id"),
                rs.getString("applicant_name"), rs.getString("credit_status"),
                matters == null || matters.isEmpty() ? List.of() : Arrays.asList(matters.split(",")),
                rs.getString("event_code"), rs.getString("situation"), rs.getString("outcome"), decisionId,
                rs.getString("rule_set_version"), rs.getString("kiosk_reference"), rs.getString("window_code"),
                rs.getString("lead_department"), rs.getInt("promised_days"), rs.getString("result"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("accepted_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("request_hash"));
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
