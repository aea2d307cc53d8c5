package org.onewindow.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onewindow.decision.ReloadResult;
import org.onewindow.decision.RuleFiles;
import org.onewindow.decision.RuleProblem;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompilationException;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.decision.RuleSetVersionStore;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.scenario.ScenarioFiles;
import org.onewindow.scenario.ScenarioService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The policy console's work: drafts copied from a version, files edited in a draft, the publish
 * gate, the change impact, row-level diffs, publishing for a day (four eyes), rollback, export to
 * the rules folder, and the reload of the rules folder — each with its audit entry. Knows no HTTP:
 * refusals are {@link PolicyException}s (and {@link InvalidInputException} for a field).
 */
@ApplicationScoped
public class RuleSetConsole {

    private static final Logger LOG = Logger.getLogger(RuleSetConsole.class);
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)?\\.(dmn|drl)|ruleset\\.yaml");
    private static final int MAX_COMMENT = 2000;

    @Inject
    ReleaseStore store;

    @Inject
    RuleSetVersionStore versions;

    @Inject
    RuleSetRegistry registry;

    @Inject
    RuleSetTimeline timeline;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    ObjectMapper json;

    @Inject
    ScenarioService scenarios;

    @ConfigProperty(name = "onewindow.rules.four-eyes", defaultValue = "true")
    boolean fourEyes;

    /** How many recorded intakes the change impact replays by default. */
    @ConfigProperty(name = "onewindow.rules.impact-intakes", defaultValue = "200")
    int impactIntakes;

    /** Gate reports and impacts by content (and day): a validate then a publish compile once. */
    private final Map<String, Object> cache = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 8;
        }
    });

    public List<Release> list() {
        return store.list();
    }

    public Release get(long id) {
        return store.find(id).orElseThrow(() -> PolicyException.notFound("no rule-set version " + id));
    }

    /** A new draft with the files of {@code from} (default: the version in force today). */
    public Release createDraft(Long from, String comment, String actor) {
        long source = from != null ? from : registry.slot(registry.today()).map(RuleSetRegistry.Slot::id)
                .orElseThrow(() -> new PolicyException(409, "no active version", "no version is in force to copy"));
        Map<String, byte[]> files = files(source);
        return get(store.createDraft(source, actor, comment(comment, false), files));
    }

    /** The files of a version, by path: a draft's as edited, a published version's as published. */
    public Map<String, byte[]> files(long id) {
        Release r = get(id);
        if (r.draft()) {
            return store.draftFiles(id);
        }
        return new TreeMap<>(versions.files(r.version()).orElseThrow(() ->
                PolicyException.notFound("the files of version " + id + " are missing")));
    }

    public byte[] file(long id, String path) {
        byte[] content = files(id).get(path);
        if (content == null) {
            throw PolicyException.notFound("version " + id + " has no file '" + path + "'");
        }
        return content;
    }

    /**
     * Replaces (or adds) a file of a draft. XML is parsed safely first: a DOCTYPE, an entity or a
     * malformed file is refused with the line, and nothing of the file is echoed back.
     */
    public void putFile(long id, String path, byte[] content, String actor) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new InvalidInputException("file", "a rule file: name.dmn, folder/name.dmn, name.drl or ruleset.yaml");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("body", "the file's content is required");
        }
        if (content.length > RuleFiles.MAX_FILE_BYTES) {
            throw new PolicyException(400, "invalid input", "the file is larger than "
                    + RuleFiles.MAX_FILE_BYTES / 1024 / 1024 + " MB", Map.of("line", 0));
        }
        if (path.endsWith(".dmn")) {
            RuleProblem problem = RuleFiles.checkXml(path, content);
            if (problem != null) {
                throw new PolicyException(400, "invalid XML", problem.reason(), Map.of("line", problem.line(), "file", path));
            }
        }
        Release r = get(id);
        if (!r.draft() || !store.putDraftFile(id, path, content, actor)) {
            throw new PolicyException(409, "not a draft", "version " + id + " is " + get(id).status()
                    + ": only a draft can be edited; create a draft from it");
        }
    }

    /** Runs the publish gate over a version's files as they would take effect today. */
    public PublishGate.Report validate(long id, String actor) {
        PublishGate.Report report = gate(files(id), registry.today());
        store.audit(id, actor, "validated", null, "{\"ok\": " + report.ok() + ", \"problems\": " + report.problems().size()
                + ", \"passed\": " + report.scenarios().passed() + ", \"failed\": " + report.scenarios().failed() + "}");
        return report;
    }

    /** The draft against the version in force today, over the scenario suite and the last recorded intakes. */
    public ChangeImpact.Report impact(long id, Integer recent) {
        int n = recent == null ? impactIntakes : recent;
        if (n < 0 || n > 5000) {
            throw new InvalidInputException("recent", "between 0 and 5000 recorded intakes");
        }
        Map<String, byte[]> files = files(id);
        RuleSet active = registry.current();
        String key = "impact/" + RuleSetCompiler.hash(files) + "/" + active.version().version() + "/"
                + active.version().id() + "/" + n + "/" + registry.today();
        Object cached = cache.get(key);
        if (cached instanceof ChangeImpact.Report report) {
            return new ChangeImpact.Report(id, report.against(), report.cases(), report.changed());
        }
        RuleSet draft = compile(files);
        var catalogue = catalogues.current();
        ScenarioFiles.Loaded suite = ScenarioFiles.load(scenarios.folder(), catalogue);
        ChangeImpact.Report report = new ChangeImpact(catalogue, active, draft, registry.today(), zone())
                .run(id, active.version().id(), suite.scenarios(), store.recentIntakes(n), json);
        cache.put(key, report);
        return report;
    }

    public List<RowDiff.Change> diff(long a, long b) {
        return RowDiff.between(files(a), files(b));
    }

    public List<ReleaseStore.AuditEntry> audit(long id) {
        get(id);
        return store.audit(id);
    }

    /**
     * Publishes a draft for a day (today or later). The last editor may not publish their own draft
     * (four eyes, unless {@code onewindow.rules.four-eyes=false}); a comment says why; the gate must
     * pass. A failed gate changes nothing that serves.
     */
    public Release publish(long id, LocalDate effectiveFrom, String comment, String actor) {
        String why = comment(comment, true);
        LocalDate day = day(effectiveFrom);
        Release r = get(id);
        if (!r.draft()) {
            throw new PolicyException(409, "not a draft", "version " + id + " is " + r.status() + " already");
        }
        if (fourEyes && actor.equals(r.lastEditor())) {
            throw new PolicyException(403, "four eyes", "you edited this draft last: another member of the policy staff "
                    + "must review and publish it");
        }
        PublishGate.Report report = gateOrRefuse(store.draftFiles(id), day);
        versions.activated(report.candidate());
        timeline.compiled(report.candidate());
        if (!store.publishDraft(id, report.version(), day, status(day), actor, why)) {
            throw new PolicyException(409, "not a draft", "version " + id + " was published meanwhile");
        }
        timeline.refresh();
        return get(id);
    }

    /**
     * Rollback: publishes the content of an earlier version again, as a new version from a day
     * (default today), through the gate, with an audit entry naming where it came from. The content
     * was reviewed when it was first published, so no second person is needed.
     */
    public Release rollback(long to, LocalDate effectiveFrom, String comment, String actor) {
        String why = comment(comment, true);
        LocalDate day = effectiveFrom == null ? registry.today() : day(effectiveFrom);
        Release target = get(to);
        if (target.draft()) {
            throw new PolicyException(409, "not published", "version " + to + " is a draft: publish it instead");
        }
        PublishGate.Report report = gateOrRefuse(files(to), day);
        timeline.compiled(report.candidate());
        long id = store.insertPublished(target.version(), day, status(day), actor, why, to, "rolled-back");
        timeline.refresh();
        return get(id);
    }

    /** Writes a version's rule files into the rules folder (for git), removing rule files it does not have. */
    public Path export(long id, String comment, String actor) {
        Path folder = registry.folder();
        if (org.onewindow.platform.ContentFolder.isPackaged(folder)) {
            throw new PolicyException(409, "no rules folder", "the rules run from the copy inside the application; "
                    + "configure onewindow.rules.dir to export");
        }
        Map<String, byte[]> files = files(id);
        try {
            for (String existing : RuleFiles.read(folder).keySet()) {
                if (!files.containsKey(existing)) {
                    Files.deleteIfExists(folder.resolve(existing));
                }
            }
            RuleFiles.write(files, folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot export version " + id + ": " + e.getMessage(), e);
        }
        store.audit(id, actor, "exported", comment(comment, false), null);
        return folder;
    }

    /**
     * {@code POST /api/rules/reload} and the folder watcher: the rules folder as a new version from
     * today, through the same gate. Files equal to the version in force change nothing.
     */
    public synchronized ReloadResult reloadFolder(String actor) {
        Map<String, byte[]> files;
        try {
            files = RuleFiles.read(registry.folder());
        } catch (IOException e) {
            return refused(List.of(new RuleProblem("rules", 0, "cannot read rules folder")));
        }
        var serving = registry.slot(registry.today());
        if (serving.isPresent() && serving.get().version().equals(RuleSetCompiler.hash(files))) {
            return new ReloadResult(true, registry.current().version(), List.of());
        }
        LocalDate today = registry.today();
        PublishGate.Report report = gate(files, today);
        if (!report.ok()) {
            return refused(report.problems());
        }
        versions.activated(report.candidate());
        timeline.compiled(report.candidate());
        store.insertPublished(report.version(), today, Release.ACTIVE, actor, "reloaded from the rules folder", null,
                "reloaded");
        timeline.refresh();
        registry.problems(List.of());
        return new ReloadResult(true, registry.current().version(), List.of());
    }

    private ReloadResult refused(List<RuleProblem> problems) {
        registry.problems(problems);
        LOG.warnf("rule set refused, the version in force keeps serving:%n  %s",
                String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()));
        return new ReloadResult(false, registry.ready() ? registry.current().version() : null, problems);
    }

    // --- helpers ------------------------------------------------------------------------------

    private PublishGate.Report gateOrRefuse(Map<String, byte[]> files, LocalDate day) {
        PublishGate.Report report = gate(files, day);
        if (!report.ok()) {
            throw new PolicyException(409, "gate failed", report.problems().size() + " problem(s): the version was not "
                    + "published and nothing that serves has changed", Map.of("problems", report.problems(),
                            "scenarios", report.scenarios(), "coverage", report.coverage()));
        }
        return report;
    }

    private PublishGate.Report gate(Map<String, byte[]> files, LocalDate day) {
        String key = "gate/" + RuleSetCompiler.hash(files) + "/" + day + "/" + catalogues.current().version();
        Object cached = cache.get(key);
        if (cached instanceof PublishGate.Report report) {
            return report;
        }
        PublishGate.Report report = new PublishGate(catalogues.current(), registry::check,
                scenarios.folder(), zone()).run(files, day);
        cache.put(key, report);
        if (report.candidate() != null) {
            cache.put("compiled/" + report.version(), report.candidate());
        }
        return report;
    }

    private RuleSet compile(Map<String, byte[]> files) {
        String hash = RuleSetCompiler.hash(files);
        Object cached = cache.get("compiled/" + hash);
        if (cached instanceof RuleSet rules) {
            return rules;
        }
        try {
            RuleSet rules = new RuleSetCompiler().compile(files);
            cache.put("compiled/" + hash, rules);
            return rules;
        } catch (RuleSetCompilationException e) {
            throw new PolicyException(409, "does not compile", "the draft does not compile; validate it to see where",
                    Map.of("problems", e.problems()));
        }
    }

    private java.time.ZoneId zone() {
        return registry.zone();
    }

    private String status(LocalDate day) {
        return day.isAfter(registry.today()) ? Release.SCHEDULED : Release.ACTIVE;
    }

    private LocalDate day(LocalDate effectiveFrom) {
        if (effectiveFrom == null) {
            throw new InvalidInputException("effectiveFrom", "the day the version takes effect (YYYY-MM-DD) is required");
        }
        if (effectiveFrom.isBefore(registry.today())) {
            throw new InvalidInputException("effectiveFrom", "must be today or later (" + registry.today()
                    + "): decisions already made stay with the rules they were made by");
        }
        if (effectiveFrom.isAfter(registry.today().plusYears(5))) {
            throw new InvalidInputException("effectiveFrom", "more than five years ahead");
        }
        return effectiveFrom;
    }

    private static String comment(String comment, boolean required) {
        if (comment == null || comment.isBlank()) {
            if (required) {
                throw new InvalidInputException("comment", "say why: a comment is required to publish");
            }
            return null;
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "at most " + MAX_COMMENT + " characters");
        }
        return comment.strip();
    }
}
