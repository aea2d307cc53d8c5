package org.onewindow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * deploy/kubernetes validates offline (kubeconform and a cluster are not to be had here): every
 * document is read into the Kubernetes object model of fabric8 (kubernetes-model 8.0), which
 * refuses wrong types, and any field the model does not know is an error — the strict schema check
 * kubeconform would make. Then what a schema cannot see: the kustomization lists every file,
 * selectors match the pod labels, probes hit the health endpoints on a declared port, every
 * referenced ConfigMap, Secret and key exists, the image and port match the Jib settings of
 * application.properties. The CloudNativePG Cluster is checked against the fields this project uses
 * of its v1 schema.
 */
class DeployManifestsTest {

    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class, "v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class,
            "v1/Service", Service.class, "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class, "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final Map<String, List<Object>> objects = new LinkedHashMap<>();
    private static final List<JsonNode> clusters = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        for (Path file : yamlFiles()) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            try (var docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (docs.hasNext()) {
                    JsonNode doc = (JsonNode) docs.next();
                    String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                    if (type.equals("postgresql.cnpg.io/v1/Cluster")) {
                        clusters.add(doc);
                        continue;
                    }
                    Class<? extends HasMetadata> model = KINDS.get(type);
                    assertTrue(model != null, file + ": unexpected kind " + type);
                    HasMetadata object = YAML.treeToValue(doc, model);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(object, type, unknown, new IdentityHashMap<>());
                    assertTrue(unknown.isEmpty(), file + ": fields the Kubernetes schema does not have: " + unknown);
                    assertTrue(object.getMetadata().getName().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"),
                            file + ": a DNS-1123 name");
                    objects.computeIfAbsent(type, k -> new ArrayList<>()).add(object);
                }
            }
        }
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Anything fabric8 kept in additionalProperties is a field the API schema does not have. */
    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()
                            && !value.getClass().getSimpleName().equals("Quantity")) {
                        extra.keySet().forEach(k -> unknown.add(path + "." + k));
                    }
                } else {
                    unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> all(String type) {
        return (List<T>) (List<?>) objects.getOrDefault(type, List.of());
    }

    private static Deployment deployment() {
        List<Deployment> deployments = all("apps/v1/Deployment");
        assertEquals(1, deployments.size());
        return deployments.get(0);
    }

    @Test
    void theKustomizationListsEveryFileAndOnlyThem() throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        List<String> files = yamlFiles().stream().map(f -> f.getFileName().toString())
                .filter(f -> !f.equals("kustomization.yaml")).toList();
        assertEquals(Set.copyOf(files), Set.copyOf(listed));
        assertEquals(files.size(), listed.size(), "no file listed twice");
        assertEquals("onewindow", kustomization.path("namespace").asText());
    }

    @Test
    void severalStatelessReplicasBehindAServiceWithProbes() {
        Deployment d = deployment();
        assertTrue(d.getSpec().getReplicas() >= 2, "N replicas");
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()),
                "the selector matches the pods");
        List<Service> services = all("v1/Service");
        assertEquals(1, services.size());
        assertTrue(podLabels.entrySet().containsAll(services.get(0).getSpec().getSelector().entrySet()),
                "the Service selects the pods");
        PodDisruptionBudget pdb = all("policy/v1/PodDisruptionBudget").stream().map(PodDisruptionBudget.class::cast)
                .findFirst().orElseThrow();
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));

        Container app = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(8080, app.getPorts().get(0).getContainerPort());
        String portName = app.getPorts().get(0).getName();
        assertEquals(portName, services.get(0).getSpec().getPorts().get(0).getTargetPort().getStrVal());
        probe(app.getReadinessProbe(), "/q/health/ready", portName);
        probe(app.getLivenessProbe(), "/q/health/live", portName);
        probe(app.getStartupProbe(), "/q/health/started", portName);
        assertTrue(app.getSecurityContext().getReadOnlyRootFilesystem(), "nothing is written into the image");
        assertTrue(app.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")));
    }

    private static void probe(Probe probe, String path, String port) {
        assertTrue(probe != null && probe.getHttpGet() != null, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(port, probe.getHttpGet().getPort().getStrVal());
    }

    @Test
    void everyReferencedConfigMapSecretAndKeyExists() {
        Container app = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Set<String>> configMaps = new LinkedHashMap<>();
        all("v1/ConfigMap").forEach(o -> configMaps.put(((ConfigMap) o).getMetadata().getName(),
                ((ConfigMap) o).getData().keySet()));
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        all("v1/Secret").forEach(o -> secrets.put(((Secret) o).getMetadata().getName(),
                ((Secret) o).getStringData().keySet()));
        for (JsonNode cluster : clusters) { // CloudNativePG creates <cluster>-app with the owner's credentials
            secrets.put(cluster.path("metadata").path("name").asText() + "-app", Set.of("username", "password", "host",
                    "port", "dbname", "uri", "jdbc-uri"));
        }
        app.getEnvFrom().forEach(from -> {
            if (from.getConfigMapRef() != null) {
                assertTrue(configMaps.containsKey(from.getConfigMapRef().getName()), from.getConfigMapRef().getName());
            }
            if (from.getSecretRef() != null) {
                assertTrue(secrets.containsKey(from.getSecretRef().getName()), from.getSecretRef().getName());
            }
        });
        for (EnvVar env : app.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                assertTrue(secrets.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey()), env.getName());
            }
        }
        Set<String> config = configMaps.get("onewindow-config");
        assertTrue(config.contains("QUARKUS_DATASOURCE_JDBC_URL"), "PostgreSQL by URL: no embedded database in a cluster");
        String url = ((ConfigMap) all("v1/ConfigMap").get(0)).getData().get("QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(clusters.stream().anyMatch(c -> url.contains("//" + c.path("metadata").path("name").asText() + "-rw:")),
                "the URL names the CloudNativePG primary service: " + url);
        assertTrue(secrets.get("onewindow-secrets").contains("ONEWINDOW_SESSION_KEY"), "one session key for all replicas");
    }

    @Test
    void thePostgresClusterUsesOnlyFieldsOfTheCloudNativePgSchema() {
        assertEquals(1, clusters.size());
        JsonNode spec = clusters.get(0).path("spec");
        Set<String> known = Set.of("instances", "imageName", "primaryUpdateStrategy", "storage", "bootstrap", "postgresql",
                "backup", "resources", "monitoring", "affinity", "superuserSecret", "enableSuperuserAccess");
        spec.fieldNames().forEachRemaining(f -> assertTrue(known.contains(f), "Cluster.spec." + f));
        assertTrue(spec.path("instances").isInt() && spec.path("instances").asInt() >= 1);
        assertTrue(spec.path("storage").path("size").asText().matches("\\d+(Mi|Gi|Ti)"));
        assertEquals("onewindow", spec.path("bootstrap").path("initdb").path("database").asText());
        spec.path("postgresql").path("parameters").forEach(v -> assertTrue(v.isTextual(), "parameters are strings"));
    }

    @Test
    void theImageIsTheOneTheBuildMakes() throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            props.load(in);
        }
        String project = new String(Files.readAllBytes(Path.of("pom.xml")));
        String version = project.substring(project.indexOf("<version>") + 9, project.indexOf("</version>"));
        Container app = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(props.getProperty("quarkus.container-image.group") + "/" + props.getProperty("quarkus.container-image.name")
                + ":" + version, app.getImage());
        assertEquals(Long.valueOf(props.getProperty("quarkus.jib.user")),
                deployment().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertEquals(props.getProperty("quarkus.http.port"), app.getPorts().get(0).getContainerPort().toString());
        String workDir = props.getProperty("quarkus.jib.working-directory");
        assertTrue(app.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals(workDir + "/data")),
                "the data folder is a volume under the working directory");
    }
}
