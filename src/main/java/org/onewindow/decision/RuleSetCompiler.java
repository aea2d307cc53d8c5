package org.onewindow.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.kie.api.runtime.KieContainer;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Compiles rule files into a {@link RuleSet}: every {@code *.dmn} with the KIE DMN compiler
 * (runtime type checking on), every {@code *.drl} into Drools rule units with the executable
 * model, and {@code ruleset.yaml} for the name and effective date. Either all of it compiles or
 * the problems come back with file, line and reason — never a half rule set.
 */
public final class RuleSetCompiler {

    public static final String MANIFEST = RuleFiles.MANIFEST;
    private static final Pattern DRL_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    /** Runs the DRL build and half of the DMN files beside the rest of the DMN compilation (daemon threads: they never hold the JVM up). */
    private static final java.util.concurrent.Executor COMPILER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "drl-compiler");
        t.setDaemon(true);
        return t;
    });

    private final DrlCache drlCache;

    /** A compiler that builds everything, every time. */
    public RuleSetCompiler() {
        this(DrlCache.none());
    }

    /** A compiler that keeps DRL builds in {@code drlCache} and loads them from it (see {@link DrlCache}). */
    public RuleSetCompiler(DrlCache drlCache) {
        this.drlCache = drlCache;
    }

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Compiles the rule files of a folder (see {@link RuleFiles#read}). */
    public RuleSet compile(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleSetCompilationException(List.of(new RuleProblem("rules", 0, "rules folder does not exist")));
        }
        try {
            return compile(RuleFiles.read(rulesDir));
        } catch (IOException e) {
            throw new RuleSetCompilationException(List.of(new RuleProblem("rules", 0, "cannot read rules folder")));
        }
    }

    /**
     * Compiles rule files given by relative path ({@code materials/scjg.dmn}): from a folder, or as
     * stored in the database for a rule-set version.
     */
    public RuleSet compile(Map<String, byte[]> files) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSetManifest manifest = manifest(files.get(MANIFEST), problems);
        Map<String, DMNModel> models = new LinkedHashMap<>();
        // the DRL build (code generation and javac) and the DMN compiler share nothing: on two cores
        // they run side by side, which takes about the longer of the two instead of their sum
        List<RuleProblem> drlProblems = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader(); // Drools finds the unit classes through it
        java.util.concurrent.CompletableFuture<DrlRules> drl = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return compileDrl(files, drlProblems);
            } finally {
                thread.setContextClassLoader(before);
            }
        }, COMPILER);
        DMNRuntime runtime = compileDmn(files, models, problems);
        DrlRules drlRules;
        try {
            drlRules = drl.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        problems.addAll(drlProblems);
        if (!problems.isEmpty()) {
            throw new RuleSetCompilationException(problems);
        }
        RuleSetVersion version = new RuleSetVersion(hash(files), manifest.name(), manifest.effectiveFrom(),
                Instant.now(), List.copyOf(files.keySet()), null);
        Map<String, DecisionTableInfo> tables = DecisionTableIndexer.index(List.copyOf(models.values()));
        if (runtime != null) {
            runtime.addListener(new DmnTrace());
        }
        RuleSet ruleSet = new RuleSet(version, runtime, models, tables, drlRules, files);
        warmUp(ruleSet);
        return ruleSet;
    }

    private RuleSetManifest manifest(byte[] bytes, List<RuleProblem> problems) {
        if (bytes == null) {
            problems.add(new RuleProblem(MANIFEST, 0, "missing: it names the rule set and its effective date"));
            return null;
        }
        try {
            RuleSetManifest manifest = yaml.readValue(bytes, RuleSetManifest.class);
            if (manifest == null || manifest.name() == null || manifest.effectiveFrom() == null) {
                problems.add(new RuleProblem(MANIFEST, 0, "name and effectiveFrom (YYYY-MM-DD) are required"));
                return null;
            }
            return manifest;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new RuleProblem(MANIFEST, line, e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new RuleProblem(MANIFEST, 0, e.getMessage()));
        }
        return null;
    }

    private static DMNRuntime compileDmn(Map<String, byte[]> files, Map<String, DMNModel> models,
            List<RuleProblem> problems) {
        List<Resource> resources = new ArrayList<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".dmn")) {
                Resource resource = ResourceFactory.newByteArrayResource(bytes);
                resource.setSourcePath(name);
                resources.add(resource);
            }
        });
        if (resources.isEmpty()) {
            return null;
        }
        DMNRuntime runtime = halves(resources, files);
        if (runtime == null && !wellFormed(files, problems)) {
            return null;
        }
        try {
            if (runtime == null) {
                runtime = buildRuntime(resources, files, problems);
            }
        } catch (RuntimeException e) {
            // the engine throws on some well-formed but meaningless files (a <definitions/> without a
            // name): a problem of the files, never a crash of whoever compiles them
            problems.add(new RuleProblem(files.keySet().stream().filter(f -> f.endsWith(".dmn")).findFirst().orElse("rules"),
                    0, "not a DMN model the engine can read: " + rootMessage(e)));
            return null;
        }
        if (runtime == null) {
            return null;
        }
        return indexModels(runtime, resources, files, models, problems);
    }

    /**
     * The DMN files compiled on two threads ({@link DmnHalves}), each half checking its own files
     * first; null: check and compile them in one go (which reports any problem as before).
     */
    private static DMNRuntime halves(List<Resource> resources, Map<String, byte[]> files) {
        try {
            return DmnHalves.compile(resources, files, (some, problems) -> {
                Map<String, byte[]> own = new LinkedHashMap<>();
                some.forEach(r -> own.put(r.getSourcePath(), files.get(r.getSourcePath())));
                return wellFormed(own, problems) ? buildRuntime(some, files, problems) : null;
            }, COMPILER);
        } catch (RuntimeException e) {
            return null; // whatever went wrong, one compiler over all files reports it as before
        }
    }

    private static DMNRuntime buildRuntime(List<Resource> resources, Map<String, byte[]> files,
            List<RuleProblem> problems) {
        return DMNRuntimeBuilder.fromDefaults()
                .setOption(new RuntimeTypeCheckOption(true))
                .buildConfigurationUsingCustomCompiler(config -> {
                    if (Boolean.getBoolean("onewindow.alpha")) {
                        ((org.kie.dmn.core.compiler.DMNCompilerConfigurationImpl) config).setProperty(
                                org.kie.dmn.core.compiler.AlphaNetworkOption.PROPERTY_NAME, "true");
                    }
                    if (Boolean.getBoolean("onewindow.execmodel")) {
                        ((org.kie.dmn.core.compiler.DMNCompilerConfigurationImpl) config).setProperty(
                                org.kie.dmn.core.compiler.ExecModelCompilerOption.PROPERTY_NAME, "true");
                    }
                    return new org.kie.dmn.core.compiler.DMNCompilerImpl(config);
                })
                .fromResources(resources)
                .cata(e -> {
                    problems.add(new RuleProblem(sourceOf(e, files), 0, rootMessage(e)));
                    return null;
                }, r -> r);
    }

    private static DMNRuntime indexModels(DMNRuntime runtime, List<Resource> resources, Map<String, byte[]> files, Map<String, DMNModel> models,
            List<RuleProblem> problems) {
        Map<String, String> fileOfModel = new HashMap<>();
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? "?" : model.getResource().getSourcePath();
            for (DMNMessage message : model.getMessages(DMNMessage.Severity.ERROR)) {
                String source = message.getPath() != null ? message.getPath() : file;
                int line = FeelLines.refine(files.get(source), Math.max(message.getLine(), 0), message.getText());
                problems.add(new RuleProblem(source, line, message.getText()));
            }
            String other = fileOfModel.putIfAbsent(model.getName(), file);
            if (other != null) {
                problems.add(new RuleProblem(file, 0, "model name '" + model.getName() + "' is also used by " + other
                        + "; decision endpoints are addressed by model name, so names must be unique"));
            }
            models.put(model.getName(), model);
        }
        for (Resource resource : resources) {
            if (!fileOfModel.containsValue(resource.getSourcePath())) {
                problems.add(new RuleProblem(resource.getSourcePath(), 0, "no DMN model could be read from this file"));
            }
        }
        return runtime;
    }

    private DrlRules compileDrl(Map<String, byte[]> files, List<RuleProblem> problems) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, String> fileOfPath = new HashMap<>();
        Map<String, String> textOfPath = new HashMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".drl")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                Matcher pkg = DRL_PACKAGE.matcher(text);
                // Drools expects a DRL under the folder of its package
                String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
                String path = "src/main/resources/" + folder + name.replace('/', '_');
                fileOfPath.put(path, name);
                textOfPath.put(path, text);
                kfs.write(path, text);
            }
        });
        if (fileOfPath.isEmpty()) {
            return null;
        }
        String key = drlCache.enabled() ? drlCache.key(textOfPath) : null;
        byte[] kjar = key == null ? null : drlCache.read(key);
        if (kjar != null) {
            try {
                return DrlRules.fromKjar(ks, kjar);
            } catch (RuntimeException | LinkageError e) {
                drlCache.discard(key, "does not load: " + rootMessage(e));
            }
        }
        // a fresh ReleaseId per build: the KIE repository caches modules by id
        ReleaseId releaseId = ks.newReleaseId("org.onewindow", "rules", "1.0.0-" + System.nanoTime());
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (errors.isEmpty()) {
                InternalKieModule module = (InternalKieModule) builder.getKieModule();
                DrlRules rules = DrlRules.load(ks, releaseId, module);
                if (key != null) {
                    try {
                        drlCache.write(key, DrlRules.kjar(module));
                    } catch (RuntimeException e) {
                        drlCache.discard(key, "not stored: " + rootMessage(e)); // the rules are built; only the cache missed out
                    }
                }
                return rules;
            }
            for (Message m : errors) {
                // Drools reports paths relative to src/main/resources; map them back to the file
                String file = fileOfPath.entrySet().stream()
                        .filter(e -> m.getPath() != null && e.getKey().endsWith("/" + m.getPath()))
                        .map(Map.Entry::getValue).findFirst().orElse(m.getPath() == null ? "*.drl" : m.getPath());
                problems.add(new RuleProblem(file, Math.max(m.getLine(), 0), m.getText()));
            }
            // the parser's follow-up "null Package" message repeats a located error; keep the located ones first
            problems.sort(java.util.Comparator.comparing((RuleProblem p) -> p.line() == 0));
            return null;
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * The DMN compiler does not survive malformed XML (it throws without naming the file), and a
     * default parser would expand entities: every DMN file is parsed safely first, and a problem
     * is reported with its line.
     */
    private static boolean wellFormed(Map<String, byte[]> files, List<RuleProblem> problems) {
        boolean ok = true;
        for (String path : RuleFiles.dmn(files)) {
            RootElement root = new RootElement();
            RuleProblem problem = RuleFiles.checkXml(path, files.get(path), root);
            if (problem == null) {
                problem = root.problem(path);
            }
            if (problem != null) {
                problems.add(problem);
                ok = false;
            }
        }
        return ok;
    }

    /**
     * A well-formed file the engine would choke on (it throws rather than reports): the root must be
     * a DMN {@code <definitions>} with a {@code name} and a {@code namespace}. Read from the same
     * (safe) parse that checks the file is well-formed, instead of parsing it a second time.
     */
    private static final class RootElement extends org.xml.sax.helpers.DefaultHandler {
        private boolean seen;
        private String localName;
        private String namespace;
        private String nameAttribute;
        private String namespaceAttribute;

        @Override
        public void startElement(String uri, String local, String qName, org.xml.sax.Attributes attributes) {
            if (!seen) {
                seen = true;
                localName = local;
                namespace = uri == null || uri.isEmpty() ? null : uri;
                nameAttribute = attributes.getValue("name");
                namespaceAttribute = attributes.getValue("namespace");
            }
        }

        RuleProblem problem(String path) {
            if (!"definitions".equals(localName) || namespace == null
                    || !namespace.startsWith("https://www.omg.org/spec/DMN/")
                            && !namespace.startsWith("http://www.omg.org/spec/DMN/")) {
                return new RuleProblem(path, 1, "not a DMN model: the root element must be <definitions> in the DMN namespace");
            }
            if (nameAttribute == null || nameAttribute.isBlank() || namespaceAttribute == null
                    || namespaceAttribute.isBlank()) {
                return new RuleProblem(path, 1, "the <definitions> element needs a name and a namespace");
            }
            return null;
        }
    }

    /**
     * The first evaluation of a DMN model and the first session of a rule unit are slow (lazy
     * compilation); pay that here, before the rule set is published, not on a citizen's request.
     */
    private static void warmUp(RuleSet ruleSet) {
        for (DMNModel model : ruleSet.models()) {
            Map<String, Object> nulls = new HashMap<>();
            // a list input gets an empty list: list functions refuse null and would log errors on every start
            model.getInputs().forEach(input -> nulls.put(input.getName(), input.getType() != null
                    && input.getType().isCollection() && !"Any".equals(input.getType().getName()) ? List.of() : null));
            for (DecisionNode decision : model.getDecisions()) {
                try {
                    ruleSet.evaluate(model.getName(), decision.getName(), nulls);
                } catch (RuntimeException ignored) {
                    // empty inputs may legitimately fail a decision; warming is all we want
                }
            }
        }
        ruleSet.drlRules().ifPresent(DrlRules::warmUp);
    }

    private static String sourceOf(Exception e, Map<String, byte[]> files) {
        String text = String.valueOf(rootMessage(e));
        return files.keySet().stream().filter(text::contains).findFirst().orElse("*.dmn");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** The version (content hash) files would compile to, without compiling them. */
    public static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // by path, whatever order the caller's map has (a folder, the database)
            new java.util.TreeMap<>(files).forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
