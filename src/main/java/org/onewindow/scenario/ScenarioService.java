package org.onewindow.scenario;

import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.InvalidInputException;

/** Scenario runs for the API and the /scenarios page, over the serving knowledge base and rules. */
@ApplicationScoped
public class ScenarioService {

    public static final String FOLDER = "scenarios";

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    RuleSetRegistry rules;

    @Inject
    IntakeService intake;

    /** Where the scenario suite lives: {@code onewindow.scenarios.dir}, by default the rules folder's {@code scenarios/}. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "onewindow.scenarios.dir")
    java.util.Optional<String> configuredFolder;

    public Path folder() {
        return configuredFolder.filter(f -> !f.isBlank()).map(Path::of).orElseGet(() -> rules.folder().resolve(FOLDER));
    }

    public List<String> files() {
        return ScenarioFiles.files(folder()).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Runs every scenario file, or only {@code file} when given. */
    public SuiteResult run(String file) {
        Catalogue catalogue = catalogues.current();
        ScenarioFiles.Loaded loaded;
        if (file == null) {
            loaded = ScenarioFiles.load(folder(), catalogue);
        } else {
            loaded = new ScenarioFiles.Loaded(ScenarioFiles.read(resolve(file), catalogue), List.of());
        }
        return runner(catalogue).run(loaded.scenarios(), loaded.problems());
    }

    /** Runs scenarios given inline, in the YAML file structure ({@code scenarios} and/or {@code table}). */
    public SuiteResult runInline(String yamlOrJson) {
        Catalogue catalogue = catalogues.current();
        return runner(catalogue).run(ScenarioFiles.fromYaml(yamlOrJson, "(request)", catalogue), List.of());
    }

    public TableChecks.Report checks() {
        Catalogue catalogue = catalogues.current();
        return new TableChecks(rules.current(), catalogue, intake.domains(catalogue)).run();
    }

    /** Draft scenarios (CSV) for the rows the shipped suite leaves uncovered. */
    public String draftsCsv() {
        Catalogue catalogue = catalogues.current();
        SuiteResult suite = run(null);
        return ScenarioFiles.toCsv(new ScenarioDrafts(rules.current(), catalogue, intake.domains(catalogue))
                .draft(suite.coverage().uncovered()));
    }

    public String exportCsv(String file) {
        return ScenarioFiles.toCsv(ScenarioFiles.read(resolve(file), catalogues.current()));
    }

    public String importCsv(String csv) {
        return ScenarioFiles.csvToYaml(csv, catalogues.current());
    }

    private ScenarioRunner runner(Catalogue catalogue) {
        return new ScenarioRunner(catalogue, rules.current(), intake.decider(catalogue));
    }

    private Path resolve(String file) {
        if (!files().contains(file)) {
            throw new InvalidInputException("file", "no scenario file '" + file + "'; files: " + files());
        }
        return folder().resolve(file);
    }
}
