package org.onewindow.guide;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loaded knowledge base: an immutable, validated snapshot. A reload builds a new Catalogue and
 * swaps it in whole; readers never see a half-loaded one.
 *
 * @param version content hash of the YAML files it was built from
 */
public final class Catalogue {

    private final String version;
    private final Map<String, Window> windows;
    private final Map<String, Department> departments;
    private final Map<String, Theme> themes;
    private final Map<String, Material> materials;
    private final Map<String, Question> questions;
    private final Map<String, Matter> matters;
    private final Map<String, LifeEvent> events;
    private final List<Synonym> synonyms;
    private final LibraryPolicy libraryPolicy;
    private final List<HolidayCalendar> calendars;
    private final Map<String, ServicePoint> servicePoints;
    private final Map<String, ReferenceGuide> referenceGuides;
    private final List<CatalogueFile> catalogueFiles;

    public Catalogue(String version, List<Window> windows, List<Department> departments, List<Theme> themes,
            List<Material> materials, List<Question> questions, List<Matter> matters, List<LifeEvent> events,
            List<Synonym> synonyms, LibraryPolicy libraryPolicy, List<HolidayCalendar> calendars,
            List<ServicePoint> servicePoints, List<ReferenceGuide> referenceGuides, List<CatalogueFile> catalogueFiles) {
        this.version = version;
        this.windows = index(windows, Window::code);
        this.departments = index(departments, Department::code);
        this.themes = index(themes, Theme::code);
        this.materials = index(materials, Material::code);
        this.questions = index(questions, Question::id);
        this.matters = index(matters, Matter::code);
        this.events = index(events.stream().sorted(LifeEvent.KIOSK_ORDER).toList(), LifeEvent::code);
        this.synonyms = List.copyOf(synonyms);
        this.libraryPolicy = libraryPolicy;
        this.calendars = List.copyOf(calendars);
        this.servicePoints = index(servicePoints, ServicePoint::code);
        this.referenceGuides = index(referenceGuides, ReferenceGuide::id);
        this.catalogueFiles = List.copyOf(catalogueFiles);
    }

    /**
     * Everything this catalogue was built from, as plain serialisable values: {@link #of} builds an
     * equal catalogue from it (the indexes are made again), which is what {@link KnowledgeBaseCache}
     * stores. Records compare by value, so two snapshots are equal exactly when the catalogues hold
     * the same knowledge base.
     */
    record Snapshot(String version, List<Window> windows, List<Department> departments, List<Theme> themes,
            List<Material> materials, List<Question> questions, List<Matter> matters, List<LifeEvent> events,
            List<Synonym> synonyms, LibraryPolicy libraryPolicy, List<HolidayCalendar> calendars,
            List<ServicePoint> servicePoints, List<ReferenceGuide> referenceGuides, List<CatalogueFile> catalogueFiles)
            implements java.io.Serializable {
    }

    Snapshot snapshot() {
        return new Snapshot(version, List.copyOf(windows.values()), List.copyOf(departments.values()),
                List.copyOf(themes.values()), List.copyOf(materials.values()), List.copyOf(questions.values()),
                List.copyOf(matters.values()), List.copyOf(events.values()), synonyms, libraryPolicy, calendars,
                List.copyOf(servicePoints.values()), List.copyOf(referenceGuides.values()), catalogueFiles);
    }

    static Catalogue of(Snapshot s) {
        return new Catalogue(s.version(), s.windows(), s.departments(), s.themes(), s.materials(), s.questions(),
                s.matters(), s.events(), s.synonyms(), s.libraryPolicy(), s.calendars(), s.servicePoints(),
                s.referenceGuides(), s.catalogueFiles());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.putIfAbsent(key.apply(item), item);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public String version() {
        return version;
    }

    public Collection<Window> windows() {
        return windows.values();
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    public Collection<Theme> themes() {
        return themes.values();
    }

    public Collection<Material> materials() {
        return materials.values();
    }

    public Collection<Question> questions() {
        return questions.values();
    }

    public Collection<Matter> matters() {
        return matters.values();
    }

    public Collection<LifeEvent> events() {
        return events.values();
    }

    /** What the shared material library keeps, and for how long. */
    public LibraryPolicy libraryPolicy() {
        return libraryPolicy;
    }

    /** The official working-day calendars, one per year published. */
    public List<HolidayCalendar> calendars() {
        return calendars;
    }

    /** The search vocabulary: colloquial words and the official terms they mean. */
    public List<Synonym> synonyms() {
        return synonyms;
    }

    /** Places besides the hall (镇街 service centres) where some matters are accepted. */
    public Collection<ServicePoint> servicePoints() {
        return servicePoints.values();
    }

    /** The service points that accept a matter (empty: the hall only). */
    public List<ServicePoint> servicePointsOf(String matterCode) {
        return servicePoints.values().stream().filter(p -> p.matters().contains(matterCode)).toList();
    }

    /** The real published guides that guides may cite by id. */
    public Optional<ReferenceGuide> referenceGuide(String id) {
        return Optional.ofNullable(id == null ? null : referenceGuides.get(id));
    }

    /** The district's matter catalogue, one file per department, as loaded. */
    public List<CatalogueFile> catalogueFiles() {
        return catalogueFiles;
    }

    public Optional<Window> window(String code) {
        return Optional.ofNullable(code == null ? null : windows.get(code));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : departments.get(code));
    }

    public Optional<Theme> theme(String code) {
        return Optional.ofNullable(code == null ? null : themes.get(code));
    }

    public Optional<Material> material(String code) {
        return Optional.ofNullable(code == null ? null : materials.get(code));
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(id == null ? null : questions.get(id));
    }

    public Optional<Matter> matter(String code) {
        return Optional.ofNullable(code == null ? null : matters.get(code));
    }

    public Optional<LifeEvent> event(String code) {
        return Optional.ofNullable(code == null ? null : events.get(code));
    }
}
