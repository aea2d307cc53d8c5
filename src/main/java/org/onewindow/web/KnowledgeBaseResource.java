package org.onewindow.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.Department;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Material;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterType;
import org.onewindow.guide.Question;
import org.onewindow.guide.Theme;
import org.onewindow.guide.Window;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.MatterWindows;

/** The knowledge base, read-only: matters (service guides), departments, windows, life events. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeBaseResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    MatterWindows windows;

    @GET
    @Path("/matters")
    @Operation(summary = "List matters, filtered by window, department, type (行政许可 …) and guide (full | catalogue-only)")
    public Map<String, Object> matters(@QueryParam("window") String window, @QueryParam("department") String department,
            @QueryParam("type") String type, @QueryParam("guide") String guide, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        Catalogue catalogue = catalogues.current();
        if (window != null && catalogue.window(window).isEmpty()) {
            throw new InvalidInputException("window", "unknown window code '" + window + "'");
        }
        if (department != null && catalogue.department(department).isEmpty()) {
            throw new InvalidInputException("department", "unknown department code '" + department + "'");
        }
        if (type != null && java.util.Arrays.stream(MatterType.values()).noneMatch(t -> t.label().equals(type))) {
            throw new InvalidInputException("type", "unknown matter type '" + type + "'");
        }
        if (guide != null && java.util.Arrays.stream(org.onewindow.guide.GuideStatus.values())
                .noneMatch(g -> g.label().equals(guide))) {
            throw new InvalidInputException("guide", "must be full or catalogue-only, not '" + guide + "'");
        }
        int size = EdgeChecks.wholeNumber(limit, "limit", 50, 1, MAX_LIMIT);
        int from = EdgeChecks.wholeNumber(offset, "offset", 0, 0, Integer.MAX_VALUE);
        Map<String, String> windowOf = windows.windows(catalogue);
        List<Matter> matching = catalogue.matters().stream()
                .filter(m -> window == null || window.equals(windowOf.get(m.code())))
                .filter(m -> department == null || department.equals(m.department()))
                .filter(m -> type == null || type.equals(m.type().label()))
                .filter(m -> guide == null || guide.equals(m.guideStatus().label()))
                .toList();
        List<Map<String, Object>> items = matching.stream().skip(from).limit(size)
                .map(m -> summary(catalogue, m, windowOf.get(m.code()))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", matching.size());
        body.put("items", items);
        return body;
    }

    @GET
    @Path("/matters/{code}")
    @Operation(summary = "The full service guide of one matter")
    public Map<String, Object> matter(@PathParam("code") String code) {
        Catalogue catalogue = catalogues.current();
        Matter matter = catalogue.matter(code).orElseThrow(() -> new NotFoundException("no matter '" + code + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", matter.code());
        body.put("window", windows.windows(catalogue).get(code));
        body.put("guide", matter);
        body.put("materials", matter.materials().stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", row);
            m.put("catalogue", catalogue.material(row.material()).orElse(null));
            return m;
        }).toList());
        body.put("department", catalogue.department(matter.department()).orElse(null));
        body.put("guideStatus", matter.guideStatus().label());
        body.put("competentDepartment", catalogue.department(matter.competentDepartment()).orElse(null));
        body.put("servicePoints", catalogue.servicePointsOf(code));
        return body;
    }

    @GET
    @Path("/departments")
    public Collection<Department> departments() {
        return catalogues.current().departments();
    }

    @GET
    @Path("/service-points")
    @Operation(summary = "Town and sub-district service centres (镇街) and the matters they accept")
    public Collection<org.onewindow.guide.ServicePoint> servicePoints() {
        return catalogues.current().servicePoints();
    }

    @GET
    @Path("/windows")
    public Collection<Window> windowList() {
        return catalogues.current().windows();
    }

    @GET
    @Path("/themes")
    public Collection<Theme> themes() {
        return catalogues.current().themes();
    }

    @GET
    @Path("/materials")
    @Operation(summary = "The standard material catalogue")
    public Collection<Material> materialCatalogue() {
        return catalogues.current().materials();
    }

    @GET
    @Path("/questions")
    @Operation(summary = "The guided-question bank")
    public Collection<Question> questions() {
        return catalogues.current().questions();
    }

    @GET
    @Path("/events")
    @Operation(summary = "Life-event bundles (一件事)")
    public Collection<LifeEvent> events() {
        return catalogues.current().events();
    }

    @GET
    @Path("/events/{code}")
    @Operation(summary = "One life event with its matters")
    public Map<String, Object> event(@PathParam("code") String code) {
        Catalogue catalogue = catalogues.current();
        LifeEvent event = catalogue.event(code).orElseThrow(() -> new NotFoundException("no life event '" + code + "'"));
        Map<String, String> windowOf = windows.windows(catalogue);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", event.code());
        body.put("name", event.name());
        body.put("nameEn", event.nameEn());
        body.put("description", event.description());
        body.put("leadWindow", catalogue.window(event.leadWindow()).orElse(null));
        body.put("leadDepartment", catalogue.department(event.leadDepartment()).orElse(null));
        body.put("matters", event.matters().stream().map(m -> catalogue.matter(m)
                .map(matter -> summary(catalogue, matter, windowOf.get(m))).orElse(null)).toList());
        body.put("questions", event.questions().stream().map(q -> catalogue.question(q).orElse(null)).toList());
        return body;
    }

    private static Map<String, Object> summary(Catalogue catalogue, Matter m, String window) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", m.code());
        item.put("name", m.name());
        item.put("nameEn", m.nameEn());
        item.put("type", m.type().label());
        item.put("department", m.department());
        item.put("departmentName", catalogue.department(m.department()).map(Department::name).orElse(null));
        item.put("window", window);
        item.put("theme", m.theme());
        item.put("promisedDays", m.promisedDays());
        item.put("online", m.online() == null ? null : m.online().depth());
        item.put("guideStatus", m.guideStatus().label());
        item.put("catalogueItems", m.catalogueItems());
        if (m.competentDepartment() != null) {
            item.put("competentDepartment", m.competentDepartment());
        }
        return item;
    }
}
