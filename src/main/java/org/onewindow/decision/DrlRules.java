package org.onewindow.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.compiler.kproject.models.KieModuleModelImpl;
import org.drools.model.codegen.execmodel.CanonicalModelKieProject;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitData;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.drools.ruleunits.impl.InternalRuleUnit;
import org.kie.api.KieServices;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.util.maven.support.ReleaseIdImpl;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The compiled DRL rule units of a rule set (the bundle policy, the completeness check). Each
 * unit is a set of rules over the data stores of its {@link RuleUnitData} class; a run gets a
 * fresh instance of the unit, fires it to quiescence and reports the rules that fired with the
 * plain-language reasons written beside them ({@code @reason}, {@code @reasonEn}, {@code @basis}).
 * Compiled once per rule set; instances are cheap and never shared between requests.
 */
public final class DrlRules {

    private final Map<String, RuleUnit<RuleUnitData>> units;
    private final Map<String, Rule> rules;
    /** A rule's fired row, made once (its metadata read and unquoted once, not on every firing). */
    private final Map<Rule, FiredRow> firedRows = new java.util.concurrent.ConcurrentHashMap<>();

    private DrlRules(Map<String, RuleUnit<RuleUnitData>> units, Map<String, Rule> rules) {
        this.units = Map.copyOf(units);
        this.rules = Map.copyOf(rules);
    }

    /**
     * Loads the rule units a successful build generated. The executable model generates one
     * {@code RuleUnit} class per unit and registers it for {@link ServiceLoader} in the module's
     * class loader — the same path Drools' own {@code RuleUnitProvider} takes for units on the
     * class path, which cannot be used here because our DRL is data, not a class-path resource.
     */
    @SuppressWarnings("unchecked")
    static DrlRules load(KieServices ks, ReleaseId releaseId, InternalKieModule module) {
        CanonicalModelKieProject project = new CanonicalModelKieProject(module, module.getModuleClassLoader());
        Map<String, RuleUnit<RuleUnitData>> units = new HashMap<>();
        ServiceLoader.load(RuleUnit.class, project.getClassLoader()).stream().forEach(provider -> {
            RuleUnit<?> unit = provider.get();
            units.put(((InternalRuleUnit<?>) unit).getRuleUnitDataClass().getName(), (RuleUnit<RuleUnitData>) unit);
        });
        Map<String, Rule> rules = new HashMap<>();
        ks.newKieContainer(releaseId).getKieBase().getKiePackages()
                .forEach(p -> p.getRules().forEach(r -> rules.put(reference(r), r)));
        return new DrlRules(units, rules);
    }

    /** One module at a time in the process-wide KIE repository: a cached KJAR keeps the id it was built with. */
    private static final Object REPOSITORY = new Object();

    /** The KJAR of a successful build (its generated and compiled classes, the executable model's index files, the pom). */
    static byte[] kjar(InternalKieModule module) {
        return module.getBytes();
    }

    /**
     * Loads the rule units from a KJAR an earlier build produced ({@link #kjar}): the module is
     * made by the same provider Drools uses for a built executable model, and its classes are
     * defined from the stored bytes — nothing is generated or compiled.
     *
     * @throws RuntimeException if the KJAR is not such a build (no rule unit or no rule in it)
     */
    static DrlRules fromKjar(KieServices ks, byte[] kjar) {
        MemoryFileSystem files = MemoryFileSystem.readFromJar(kjar);
        String pom = files.findPomProperties();
        if (pom == null) {
            throw new IllegalStateException("not a KJAR of this application's build");
        }
        // the build had no kmodule.xml (RuleSetCompiler writes none): Drools' defaults, as when it built
        KieModuleModel model = new KieModuleModelImpl();
        KieBuilderImpl.setDefaultsforEmptyKieModule(model);
        ReleaseId releaseId = ReleaseIdImpl.fromPropertiesString(pom);
        synchronized (REPOSITORY) {
            InternalKieModule module = InternalKieModuleProvider.get(releaseId, model, files);
            ks.getRepository().addKieModule(module);
            try {
                DrlRules rules = load(ks, releaseId, module);
                if (rules.units.isEmpty() || rules.rules.isEmpty()) {
                    throw new IllegalStateException("no rule units in the cached build");
                }
                return rules;
            } finally {
                ks.getRepository().removeKieModule(releaseId);
            }
        }
    }

    /** Whether the rule set has rules for this unit. */
    public boolean has(Class<? extends RuleUnitData> unit) {
        return units.containsKey(unit.getName());
    }

    /**
     * Fires the unit's rules over {@code data} until nothing more fires; the results are in the
     * data's stores.
     *
     * @return the rules that fired, in firing order
     * @throws IllegalStateException if the rule set has no rules for this unit
     */
    public List<FiredRow> fire(RuleUnitData data) {
        RuleUnit<RuleUnitData> unit = units.get(data.getClass().getName());
        if (unit == null) {
            throw new IllegalStateException("the rule set has no rules for unit " + data.getClass().getSimpleName());
        }
        List<FiredRow> fired = new ArrayList<>();
        RuleConfig config = RuleUnitProvider.get().newRuleConfig();
        config.getAgendaEventListeners().add(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(firedRows.computeIfAbsent(event.getMatch().getRule(), DrlRules::firedRow));
            }
        });
        try (RuleUnitInstance<RuleUnitData> instance = unit.createInstance(data, config)) {
            instance.fire();
        }
        return fired;
    }

    /** Every rule, named as fired rows name it ({@code Unit#rule-name}), sorted. */
    public List<String> ruleReferences() {
        return rules.keySet().stream().sorted().toList();
    }

    /** A rule by reference, for explanations and the policy console. */
    public java.util.Optional<FiredRow> rule(String reference) {
        return java.util.Optional.ofNullable(rules.get(reference)).map(DrlRules::firedRow);
    }

    /** Fires each unit once on empty data, so the first request does not pay for lazy initialisation. */
    void warmUp() {
        for (RuleUnit<RuleUnitData> unit : units.values()) {
            try {
                fire(((InternalRuleUnit<RuleUnitData>) unit).getRuleUnitDataClass().getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // warming is all we want
            }
        }
    }

    private static String reference(Rule rule) {
        String unit = rule instanceof RuleImpl impl && impl.getRuleUnitClassName() != null
                ? impl.getRuleUnitClassName() : rule.getPackageName();
        return unit.substring(unit.lastIndexOf('.') + 1) + "#" + rule.getName();
    }

    private static FiredRow firedRow(Rule rule) {
        String reference = reference(rule);
        String unit = reference.substring(0, reference.indexOf('#'));
        return new FiredRow(unit, unit, null, 0, rule.getName(), meta(rule, "reason"), meta(rule, "reasonEn"),
                meta(rule, "basis"));
    }

    /** DRL metadata values keep their quotes ({@code @reason("…")}); strip them. */
    private static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
