package org.onewindow.decision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.core.compiler.DMNProfile;
import org.kie.dmn.core.impl.DMNRuntimeImpl;
import org.kie.dmn.core.impl.DMNRuntimeKB;

/**
 * Compiles the DMN files of a rule set on two threads: the first files on a helper thread, the rest
 * on the caller's, each with a compiler of its own, and the models joined into one runtime in the
 * order a single compiler gives them. FEEL parsing of every table cell is most of a rule set's
 * compile time and, on two cores, the rest of the start waits for it.
 * <p>
 * Only when it cannot change the outcome: no file imports another (a model compiled without the one
 * it imports would not resolve it), and both halves compile with no problem and no model reports an
 * error. Otherwise — and if anything at all goes wrong — the caller compiles everything with one
 * compiler, which reports problems exactly as before. KIE's own static runtime
 * ({@code DMNRuntimeBuilder.DMNRuntimeKBStatic}) holds nothing but the models, their class loader
 * and profiles, which is all {@link Joined} holds. See {@link #enabled()} for when it is used.
 */
final class DmnHalves {

    private static final Pattern IMPORT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?import[\\s/>]");
    /** Below this, a second thread is not worth starting. */
    private static final int MIN_FILES = 4;

    private DmnHalves() {
    }

    /**
     * {@code -Donewindow.dmn.split=true|false}; by default only with three or more processors. On two
     * cores a start is already CPU-bound (the main thread, the compile and the JIT compiler threads
     * fill both), and in alternated starts the halves were no faster than one compiler (issue 15,
     * docs/benchmarks.md); with more cores the second half runs on a core that would sit idle.
     */
    static boolean enabled() {
        String split = System.getProperty("onewindow.dmn.split", "auto");
        return "auto".equals(split) ? Runtime.getRuntime().availableProcessors() >= 3 : "true".equals(split);
    }

    /**
     * The runtime of all {@code resources}, compiled in two halves; null when it must not or could
     * not be done that way (the caller then compiles them in one go).
     *
     * @param build compiles some resources into a runtime, adding problems to the list (a fresh
     *              compiler per call)
     */
    static DMNRuntime compile(List<Resource> resources, Map<String, byte[]> files,
            java.util.function.BiFunction<List<Resource>, List<RuleProblem>, DMNRuntime> build, Executor helper) {
        if (!enabled() || resources.size() < MIN_FILES || anyImports(files)) {
            return null;
        }
        int cut = cut(resources, files);
        List<Resource> first = List.copyOf(resources.subList(0, cut));
        List<Resource> rest = List.copyOf(resources.subList(cut, resources.size()));
        List<RuleProblem> firstProblems = Collections.synchronizedList(new ArrayList<>());
        List<RuleProblem> restProblems = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<DMNRuntime> early = CompletableFuture.supplyAsync(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return build.apply(first, firstProblems);
            } finally {
                thread.setContextClassLoader(before);
            }
        }, helper);
        DMNRuntime second;
        DMNRuntime one;
        try {
            second = build.apply(rest, restProblems);
        } finally {
            try {
                one = early.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                one = null;
            }
        }
        if (one == null || second == null || !firstProblems.isEmpty() || !restProblems.isEmpty()
                || !(one instanceof DMNRuntimeImpl kie)) {
            return null;
        }
        List<DMNModel> models = new ArrayList<>(one.getModels());
        models.addAll(second.getModels());
        if (models.stream().anyMatch(m -> !m.getMessages(DMNMessage.Severity.ERROR).isEmpty())) {
            return null;
        }
        return new DMNRuntimeImpl(new Joined(kie.getRootClassLoader(), models, kie.getProfiles()));
    }

    static boolean anyImports(Map<String, byte[]> files) {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".dmn"))
                .anyMatch(e -> IMPORT.matcher(new String(e.getValue(), StandardCharsets.UTF_8)).find());
    }

    /** Where to split so that both halves hold about as many bytes (a proxy for table cells). */
    private static int cut(List<Resource> resources, Map<String, byte[]> files) {
        Function<Resource, Integer> size = r -> {
            byte[] bytes = files.get(r.getSourcePath());
            return bytes == null ? 0 : bytes.length;
        };
        long total = resources.stream().mapToLong(size::apply).sum();
        long sum = 0;
        for (int i = 0; i < resources.size(); i++) {
            sum += size.apply(resources.get(i));
            if (sum * 2 >= total) {
                return Math.max(1, Math.min(resources.size() - 1, i + 1));
            }
        }
        return resources.size() / 2;
    }

    /** The joined models, as KIE's static runtime knowledge base holds them. */
    private record Joined(ClassLoader rootClassLoader, List<DMNModel> models, List<DMNProfile> profiles)
            implements DMNRuntimeKB {

        Joined {
            models = Collections.unmodifiableList(new ArrayList<>(models));
            profiles = Collections.unmodifiableList(new ArrayList<>(profiles));
        }

        @Override
        public List<DMNModel> getModels() {
            return models;
        }

        @Override
        public DMNModel getModel(String namespace, String modelName) {
            return models.stream().filter(m -> namespace.equals(m.getNamespace()) && modelName.equals(m.getName()))
                    .findFirst().orElse(null);
        }

        @Override
        public DMNModel getModelById(String namespace, String modelId) {
            return models.stream().filter(m -> namespace.equals(m.getNamespace())
                    && modelId.equals(m.getDefinitions().getId())).findFirst().orElse(null);
        }

        @Override
        public List<DMNProfile> getProfiles() {
            return profiles;
        }

        @Override
        public List<DMNRuntimeEventListener> getListeners() {
            return Collections.emptyList();
        }

        @Override
        public ClassLoader getRootClassLoader() {
            return rootClassLoader;
        }

        @Override
        public InternalKnowledgeBase getInternalKnowledgeBase() {
            throw new UnsupportedOperationException();
        }
    }
}
