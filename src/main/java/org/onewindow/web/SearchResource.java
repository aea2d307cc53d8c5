package org.onewindow.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.micrometer.core.annotation.Timed;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.search.SearchResult;
import org.onewindow.search.SearchService;

/** Search over matters and life events, as citizens ask (开饭店要办什么证, 低保怎么申请, 营业执照丢了). */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_QUERY = 200;
    private static final int MAX_LIMIT = 50;
    private static final int MAX_OFFSET = 1000;

    @Inject
    SearchService search;

    @Inject
    CatalogueRegistry catalogues;

    @GET
    @Timed(value = "onewindow.search", histogram = true, extraTags = {"endpoint", "search"})
    @Operation(summary = "Find matters and life events (Chinese, pinyin or English); filters by window and department; "
            + "highlighted snippets; a did-you-mean suggestion when the results were found by sound (a typo or homophone). "
            + "Paging: limit (1-50) hits from offset (0-1000); total counts every match up to 1,000, matters and events split it; "
            + "past that totalExact is false and there are more than total matches (events stays exact).")
    public SearchResult search(@QueryParam("q") String q, @QueryParam("limit") String limit,
            @QueryParam("window") String window, @QueryParam("department") String department,
            @QueryParam("offset") String offset) {
        String text = query(q, "q");
        int size = EdgeChecks.wholeNumber(limit, "limit", 10, 1, MAX_LIMIT);
        Catalogue catalogue = catalogues.current();
        if (window != null && catalogue.window(window).isEmpty()) {
            throw new InvalidInputException("window", "unknown window code '" + window + "'");
        }
        if (department != null && catalogue.department(department).isEmpty()) {
            throw new InvalidInputException("department", "unknown department code '" + department + "'");
        }
        int from = EdgeChecks.wholeNumber(offset, "offset", 0, 0, MAX_OFFSET);
        return search.search(text, size, from, window, department);
    }

    @GET
    @Path("/suggest")
    @Timed(value = "onewindow.search", histogram = true, extraTags = {"endpoint", "suggest"})
    @Operation(summary = "Type-ahead: official names of matters and life events containing the prefix")
    public List<String> suggest(@QueryParam("q") String q) {
        return search.suggest(query(q, "q"), 10);
    }

    private static String query(String q, String field) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "give the words to search for");
        }
        if (text.length() > MAX_QUERY) {
            throw new InvalidInputException(field, "at most " + MAX_QUERY + " characters");
        }
        return text;
    }
}
