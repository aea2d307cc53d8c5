package org.onewindow.casework;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.staff.Roles;

/**
 * 好差评: after delivery the applicant rates the service once — by the QR code on the pickup slip or
 * at the kiosk — proving it is theirs with the last six characters of their ID. A bad rating opens
 * a follow-up a supervisor must close within 15 working days; the board lists the open ones.
 */
@ApplicationScoped
public class Ratings {

    private static final String COLUMNS = """
            r.id, r.application_id, a.number, r.score, r.comment, r.channel, r.window_code, r.clerk,
            r.rule_set_version, r.rated_on, r.follow_up_due, r.follow_up_closed_by, r.follow_up_closed_at,
            r.follow_up_comment
            """;

    @Inject
    ApplicationStore store;

    @Inject
    Changes changes;

    @Inject
    DeskCalendar calendar;

    @Transactional
    public Rating rate(Requests.Rating request) {
        String number = request.number().strip().toUpperCase(Locale.ROOT);
        ApplicationStore.Row row = store.idForNumber(number).flatMap(store::lock)
                .filter(r -> r.applicantId().toUpperCase(Locale.ROOT)
                        .endsWith(request.idTail().strip().toUpperCase(Locale.ROOT)))
                // one answer for a wrong number and a wrong ID: no hint which part was wrong
                .orElseThrow(() -> CaseworkException.notFound("no delivered application with that number and ID"));
        if (row.status() != ApplicationStatus.DELIVERED) {
            throw CaseworkException.state("the service can be rated once the result is delivered");
        }
        LocalDate today = calendar.today();
        LocalDate followUp = request.score() <= Rating.BAD_AT_MOST
                ? calendar.workingDays().add(today, Rating.FOLLOW_UP_WORKING_DAYS) : null;
        int inserted = store.exec("""
                INSERT INTO service_rating (application_id, score, comment, channel, window_code, clerk, rule_set_version,
                    rated_on, rated_at, follow_up_due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id) DO NOTHING
                """, row.id(), request.score(), blank(request.comment()),
                request.channel() == null ? "qr" : request.channel(), row.window(),
                row.acceptedBy() != null ? row.acceptedBy() : row.createdBy(), row.ruleSetVersion(), today,
                calendar.now(), followUp);
        if (inserted == 0) {
            throw CaseworkException.state("application " + row.number() + " has been rated already");
        }
        changes.event(row.id(), "applicant", "rated", "score=" + request.score(),
                Changes.data("score", request.score(), "followUpDue", followUp));
        return byApplication(row.id());
    }

    /** Bad ratings whose follow-up is still open, the most urgent first. */
    public List<Rating> openFollowUps() {
        return query("WHERE r.follow_up_due IS NOT NULL AND r.follow_up_closed_by IS NULL ORDER BY r.follow_up_due, r.id",
                null);
    }

    /** A supervisor closes a follow-up, saying what was done. */
    @Transactional
    public Rating closeFollowUp(long ratingId, Requests.Comment request, Actor actor) {
        if (!actor.has(Roles.SUPERVISOR)) {
            throw CaseworkException.forbidden("only a supervisor closes a rating follow-up");
        }
        Rating r = query("WHERE r.id = ?", ratingId).stream().findFirst()
                .orElseThrow(() -> CaseworkException.notFound("no rating " + ratingId));
        if (!r.followUpOpen()) {
            throw CaseworkException.state("rating " + ratingId + " has no open follow-up");
        }
        store.exec("UPDATE service_rating SET follow_up_closed_by = ?, follow_up_closed_at = ?, follow_up_comment = ? "
                + "WHERE id = ?", actor.username(), calendar.now(), request.comment().strip(), ratingId);
        changes.event(r.applicationId(), actor.username(), "follow-up-closed", "rating=" + ratingId,
                Changes.data("comment", request.comment().strip()));
        return query("WHERE r.id = ?", ratingId).get(0);
    }

    private Rating byApplication(long applicationId) {
        return query("WHERE r.application_id = ?", applicationId).get(0);
    }

    private List<Rating> query(String where, Object arg) {
        return store.with(c -> {
            try (PreparedStatement ps = store.prepare(c, "SELECT " + COLUMNS
                    + " FROM service_rating r JOIN application a ON a.id = r.application_id " + where)) {
                if (arg != null) {
                    ApplicationStore.set(ps, arg);
                }
                List<Rating> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Rating(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                                rs.getObject(13, OffsetDateTime.class), rs.getString(14)));
                    }
                }
                return list;
            }
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
