package org.onewindow.guide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the knowledge-base folder into a {@link Catalogue}:
 *
 * <pre>
 * windows.yaml  departments.yaml  themes.yaml  materials.yaml  questions.yaml   (lists)
 * synonyms.yaml     search vocabulary (optional); synonyms-en.yaml its English counterpart (optional)
 * library.yaml      what the shared material library keeps, and how long (optional)
 * calendar/*.yaml   one year's public holidays and adjusted working days per file (optional)
 * matters/**.yaml   one service guide per file
 * catalogue/*.yaml  the district's real matter catalogue, one file per department; an item no guide
 *                   covers becomes a catalogue-only matter (no materials)
 * events/*.yaml     one life event per file
 * service-points.yaml   镇街 service centres and the matters they accept (optional)
 * reference-guides.yaml real published guides that provenance may cite by id (optional)
 * </pre>
 *
 * Every problem in every file is collected (parse errors with their line) and the load fails with
 * all of them; {@link CatalogueValidator} then checks required fields and cross references.
 */
public final class KnowledgeBaseLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new LabelledEnums())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // absent booleans mean false (key, tolerable, ...); required numbers are boxed and checked
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Catalogue load(Path root) {
        List<KbProblem> problems = new ArrayList<>();
        MessageDigest digest = sha256();
        List<Window> windows = readList(root, "windows.yaml", Window.class, problems, digest);
        List<Department> departments = readList(root, "departments.yaml", Department.class, problems, digest);
        List<Theme> themes = readList(root, "themes.yaml", Theme.class, problems, digest);
        List<Material> materials = readList(root, "materials.yaml", Material.class, problems, digest);
        List<Question> questions = readList(root, "questions.yaml", Question.class, problems, digest);
        List<Sourced<Matter>> matters = readEach(root, "matters", Matter.class, problems, digest);
        List<Sourced<LifeEvent>> events = readEach(root, "events", LifeEvent.class, problems, digest);
        List<Sourced<CatalogueFile>> catalogueFiles = Files.isDirectory(root.resolve("catalogue"))
                ? readEach(root, "catalogue", CatalogueFile.class, problems, digest) : List.of();
        List<ServicePoint> servicePoints = Files.exists(root.resolve("service-points.yaml"))
                ? readList(root, "service-points.yaml", ServicePoint.class, problems, digest) : List.of();
        List<ReferenceGuide> referenceGuides = Files.exists(root.resolve("reference-guides.yaml"))
                ? readList(root, "reference-guides.yaml", ReferenceGuide.class, problems, digest) : List.of();
        List<Synonym> synonyms = new ArrayList<>(Files.exists(root.resolve("synonyms.yaml"))
                ? readList(root, "synonyms.yaml", Synonym.class, problems, digest) : List.of());
        // the English vocabulary (everyday English → the words the guides use); search tells them apart by script
        if (Files.exists(root.resolve("synonyms-en.yaml"))) {
            synonyms.addAll(readList(root, "synonyms-en.yaml", Synonym.class, problems, digest));
        }
        LibraryPolicy library = Files.exists(root.resolve("library.yaml"))
                ? parse(root.resolve("library.yaml"), "library.yaml", yaml.getTypeFactory().constructType(LibraryPolicy.class),
                        problems, digest)
                : LibraryPolicy.NONE;
        List<Sourced<HolidayCalendar>> calendars = Files.isDirectory(root.resolve("calendar"))
                ? readEach(root, "calendar", HolidayCalendar.class, problems, digest) : List.of();
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        List<Sourced<Matter>> allMatters = withCatalogueOnly(matters, catalogueFiles);
        Catalogue catalogue = new Catalogue(HexFormat.of().formatHex(digest.digest()).substring(0, 12), windows,
                departments, themes, materials, questions, allMatters.stream().map(Sourced::value).toList(),
                events.stream().map(Sourced::value).toList(), synonyms, library == null ? LibraryPolicy.NONE : library,
                calendars.stream().map(Sourced::value).toList(), servicePoints, referenceGuides,
                catalogueFiles.stream().map(Sourced::value).toList());
        problems.addAll(new CatalogueValidator(catalogue, windows, departments, themes, materials, questions,
                allMatters, events, synonyms).validate());
        problems.addAll(CatalogueChecks.check(catalogue, matters, catalogueFiles, servicePoints));
        problems.addAll(CalendarChecks.check(calendars));
        problems.addAll(libraryProblems(catalogue));
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return catalogue;
    }

    private static List<KbProblem> libraryProblems(Catalogue catalogue) {
        List<KbProblem> problems = new ArrayList<>();
        LibraryPolicy policy = catalogue.libraryPolicy();
        if (policy.defaultValidityMonths() < 1) {
            problems.add(new KbProblem("library.yaml", "defaultValidityMonths", 0, "must be at least 1"));
        }
        policy.validityMonths().forEach((code, months) -> {
            if (catalogue.material(code).isEmpty()) {
                problems.add(new KbProblem("library.yaml", "validityMonths." + code, 0, "unknown material '" + code + "'"));
            } else if (months == null || months < 1) {
                problems.add(new KbProblem("library.yaml", "validityMonths." + code, 0, "must be at least 1 month"));
            }
        });
        policy.neverKeep().stream().filter(code -> catalogue.material(code).isEmpty()).forEach(code -> problems.add(
                new KbProblem("library.yaml", "neverKeep", 0, "unknown material '" + code + "'")));
        return problems;
    }

    /**
     * The guides, then one catalogue-only matter for every catalogue item that no guide covers
     * (a guide covers the items it lists in {@code catalogueItems}).
     */
    private static List<Sourced<Matter>> withCatalogueOnly(List<Sourced<Matter>> guides,
            List<Sourced<CatalogueFile>> catalogueFiles) {
        java.util.Set<String> covered = new java.util.HashSet<>();
        guides.forEach(g -> covered.addAll(g.value().catalogueItems()));
        List<Sourced<Matter>> all = new ArrayList<>(guides);
        for (Sourced<CatalogueFile> file : catalogueFiles) {
            for (CatalogueItem item : file.value().items()) {
                if (item.itemCode() != null && !covered.contains(item.itemCode()) && item.code() != null) {
                    all.add(new Sourced<>(file.file(), Matter.catalogueOnly(file.value(), item)));
                }
            }
        }
        return all;
    }

    /** A value with the file it came from, so that validation can name the file. */
    public record Sourced<T>(String file, T value) {
    }

    private <T> List<T> readList(Path root, String name, Class<T> type, List<KbProblem> problems,
            MessageDigest digest) {
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(new KbProblem(name, "-", 0, "file is missing"));
            return List.of();
        }
        JavaType listType = yaml.getTypeFactory().constructCollectionType(List.class, type);
        List<T> items = parse(file, name, listType, problems, digest);
        return items == null ? List.of() : items;
    }

    private <T> List<Sourced<T>> readEach(Path root, String folder, Class<T> type, List<KbProblem> problems,
            MessageDigest digest) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            problems.add(new KbProblem(folder + "/", "-", 0, "folder is missing"));
            return List.of();
        }
        List<Sourced<T>> result = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            T value = parse(file, rel, yaml.getTypeFactory().constructType(type), problems, digest);
            if (value != null) {
                result.add(new Sourced<>(rel, value));
            }
        }
        return result;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted() // a stable order makes the content hash and listings reproducible
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    private <T> T parse(Path file, String rel, JavaType type, List<KbProblem> problems, MessageDigest digest) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(rel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(bytes);
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                T value = yaml.readValue(in, type);
                if (value == null) {
                    problems.add(new KbProblem(rel, "-", 0, "file is empty"));
                }
                return value;
            }
        } catch (JsonMappingException e) {
            problems.add(new KbProblem(rel, fieldPath(e), line(e), e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(new KbProblem(rel, "-", line(e), e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new KbProblem(rel, "-", 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "-" : path.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
