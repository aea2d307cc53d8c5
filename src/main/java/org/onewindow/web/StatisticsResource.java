package org.onewindow.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Statistics;
import org.onewindow.casework.StatisticsService;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.Roles;

/** The reform's figures for supervisors: JSON, or CSV with {@code format=csv}. */
@Path("/api/statistics")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Counts by window, lead department and matter over from..to (YYYY-MM-DD; default this month): "
            + "received, accepted, acceptedWithTolerance, returned (with reasons), delivered, deliveredInTime, tolerated "
            + "materials supplied on time / late / overdue, one-visit rate, mean working days to delivery. format=csv "
            + "answers CSV")
    public Response get(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format) {
        Statistics s = statistics.compute(date(from, "from"), date(to, "to"));
        if ("csv".equals(format)) {
            return Response.ok(statistics.csv(s), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"statistics-" + s.from() + "-" + s.to() + ".csv\"")
                    .build();
        }
        if (format != null && !"json".equals(format)) {
            throw new InvalidInputException("format", "must be \"json\" or \"csv\"");
        }
        return Response.ok(s, MediaType.APPLICATION_JSON).build();
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date YYYY-MM-DD");
        }
    }
}
