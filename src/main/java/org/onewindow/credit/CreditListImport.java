package org.onewindow.credit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.intake.CreditCodes;
import org.onewindow.intake.IdNumbers;
import org.onewindow.intake.InvalidInputException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Imports a dishonest-subject (失信) list from CSV with the header
 * {@code subject,list,from,to,source}: the subject's 18-character ID number or unified social
 * credit code, the list's name, the listing period ({@code to} may be empty: open-ended) and the
 * publishing authority. The rows of one import replace every earlier row of the same sources, so
 * a source's current list is re-imported whole. A bad row refuses the whole file (400 naming the
 * line and column); nothing is half-imported.
 */
@ApplicationScoped
public class CreditListImport {

    /** What an import did. */
    public record Result(long importId, int rows, List<String> sources, int replaced) {
    }

    private static final Set<String> COLUMNS = Set.of("subject", "list", "from", "to", "source");
    static final int MAX_ROWS = 200_000;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    DatabaseCreditRegistry registry;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    private record Listing(String subject, String list, LocalDate from, LocalDate to, String source) {
    }

    @Transactional
    public Result importCsv(String csv, String actor) {
        List<Listing> rows = parse(csv);
        // this node's brief cache forgets what it knew once the new list is committed, before the
        // import is answered (other nodes hear it from the table's trigger, V72)
        transaction.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                registry.changed();
            }
        });
        Set<String> sources = new LinkedHashSet<>();
        rows.forEach(r -> sources.add(r.source()));
        try (Connection c = dataSource.getConnection()) {
            int replaced = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM credit_listing WHERE source = ?")) {
                for (String source : sources) {
                    ps.setString(1, source);
                    replaced += ps.executeUpdate();
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO credit_import (source, rows_imported, imported_by, imported_at) VALUES (?, ?, ?, ?)
                    RETURNING id
                    """)) {
                ps.setString(1, String.join(", ", sources));
                ps.setInt(2, rows.size());
                ps.setString(3, actor);
                ps.setObject(4, OffsetDateTime.now(clock));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO credit_listing (import_id, subject_id, list_name, listed_from, listed_to, source)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                for (Listing r : rows) {
                    ps.setLong(1, id);
                    ps.setString(2, r.subject());
                    ps.setString(3, r.list());
                    ps.setObject(4, r.from());
                    ps.setObject(5, r.to());
                    ps.setString(6, r.source());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new Result(id, rows.size(), List.copyOf(sources), replaced);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the credit list", e);
        }
    }

    private static List<Listing> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("body", "a CSV file with the header subject,list,from,to,source");
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Listing> rows = new ArrayList<>();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // a BOM, as spreadsheet programs write
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(text)) {
            Iterator<Map<String, String>> lines = it;
            boolean headerChecked = false;
            int line = 1;
            while (lines.hasNext()) {
                Map<String, String> row = lines.next();
                line++;
                if (!headerChecked) {
                    Set<String> missing = new LinkedHashSet<>(List.of("subject", "list", "from", "source"));
                    missing.removeAll(row.keySet());
                    if (!missing.isEmpty() || !COLUMNS.containsAll(row.keySet())) {
                        throw new InvalidInputException("header", "the header must be subject,list,from,to,source "
                                + "(found " + row.keySet() + ")");
                    }
                    headerChecked = true;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidInputException("body", "at most " + MAX_ROWS + " rows per import");
                }
                rows.add(listing(row, line));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("body", "not a readable CSV file: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("body", "the file has no rows after its header");
        }
        return rows;
    }

    private static Listing listing(Map<String, String> row, int line) {
        String subject = required(row, "subject", line).toUpperCase(Locale.ROOT);
        if (IdNumbers.problem(subject) != null && CreditCodes.problem(subject) != null) {
            throw new InvalidInputException("line " + line + ": subject", "'" + subject + "' is neither a valid "
                    + "identity number nor a valid unified social credit code");
        }
        String list = required(row, "list", line);
        String source = required(row, "source", line);
        if (list.length() > 200 || source.length() > 200) {
            throw new InvalidInputException("line " + line + ": " + (list.length() > 200 ? "list" : "source"),
                    "at most 200 characters");
        }
        LocalDate from = date(required(row, "from", line), "from", line);
        String toText = row.get("to");
        LocalDate to = toText == null || toText.isBlank() ? null : date(toText, "to", line);
        if (to != null && to.isBefore(from)) {
            throw new InvalidInputException("line " + line + ": to", "ends before it starts (" + from + ")");
        }
        return new Listing(subject, list, from, to, source);
    }

    private static String required(Map<String, String> row, String column, int line) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("line " + line + ": " + column, "is required");
        }
        return value.strip();
    }

    private static LocalDate date(String text, String column, int line) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("line " + line + ": " + column, "must be a date YYYY-MM-DD, not '" + text + "'");
        }
    }
}
