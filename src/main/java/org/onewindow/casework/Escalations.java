package org.onewindow.casework;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.staff.Roles;

/** The 督办 list on the supervision board: escalated cases, acknowledged by a supervisor with a comment. */
@ApplicationScoped
public class Escalations {

    @Inject
    ApplicationStore store;

    @Inject
    Changes changes;

    @Inject
    DeskCalendar calendar;

    /** Open escalations first, oldest first; then the latest acknowledged ones. */
    public List<Escalation> list(boolean openOnly) {
        return store.with(c -> {
            try (PreparedStatement ps = store.prepare(c, """
                    SELECT e.id, e.application_id, a.number, e.level, e.raised_on, a.due_on, e.acknowledged_by,
                        e.acknowledged_at, e.comment
                    FROM escalation e JOIN application a ON a.id = e.application_id
                    WHERE (? = FALSE OR e.acknowledged_by IS NULL)
                    ORDER BY (e.acknowledged_by IS NULL) DESC, e.raised_on, e.id LIMIT 200
                    """)) {
                ps.setBoolean(1, openOnly);
                List<Escalation> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Escalation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                    }
                }
                return list;
            }
        });
    }

    /** A supervisor acknowledges an escalation, saying what was done; recorded on the application's timeline. */
    @Transactional
    public Escalation acknowledge(long escalationId, Requests.Comment request, Actor actor) {
        if (!actor.has(Roles.SUPERVISOR)) {
            throw CaseworkException.forbidden("only a supervisor acknowledges an escalated case");
        }
        Escalation e = list(false).stream().filter(x -> x.id() == escalationId).findFirst()
                .orElseThrow(() -> CaseworkException.notFound("no escalation " + escalationId));
        if (!e.open()) {
            throw CaseworkException.state("escalation " + escalationId + " was acknowledged by " + e.acknowledgedBy());
        }
        String comment = request.comment().strip();
        store.exec("UPDATE escalation SET acknowledged_by = ?, acknowledged_at = ?, comment = ? WHERE id = ?",
                actor.username(), calendar.now(), comment, escalationId);
        changes.event(e.applicationId(), actor.username(), "escalation-acknowledged", "comment=" + comment,
                Changes.data("level", e.level(), "comment", comment));
        return list(false).stream().filter(x -> x.id() == escalationId).findFirst().orElseThrow();
    }
}
