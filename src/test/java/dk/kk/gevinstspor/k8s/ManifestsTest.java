package dk.kk.gevinstspor.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.smallrye.config.WithName;

/**
 * The rendered Kubernetes manifests (k8s/render: every overlay through {@code kubectl kustomize}) against the
 * Kubernetes API model and against the application's own configuration: image, port, probes, metrics path,
 * environment variables and Secret keys, the CloudNativePG cluster and the ServiceMonitor.
 */
class ManifestsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Custom resources the fabric8 model does not know; their required fields are checked one by one. */
    private static final Set<String> CUSTOM_KINDS = Set.of("Cluster", "ScheduledBackup", "ServiceMonitor");
    private static final List<String> DASHBOARDS = List.of("portefolje.json", "it-kredsen.json", "laan-og-rammer.json", "drift.json");

    private static final Map<String, List<HasMetadata>> rendered = new HashMap<>();
    private static Properties app;

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void render() throws Exception {
        List<String> names = overlays().toList();
        assertThat(names).contains("dev", "prod");
        if (onPath("kubectl")) {
            Process render = new ProcessBuilder(ROOT.resolve("k8s/render").toString()).redirectErrorStream(true).start();
            String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(render.waitFor()).as("k8s/render: %s", output).isZero();
        } else if ("true".equals(System.getenv("CI"))) {
            fail("kubectl is not installed, so the Kubernetes manifests cannot be rendered and checked");
        } else if (!names.stream().allMatch(n -> Files.exists(renderedFile(n)))) {
            String reason = "ManifestsTest skipped: kubectl is not installed, so the Kubernetes manifests are not rendered nor checked";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (String name : names) {
            List<HasMetadata> objects = new ArrayList<>();
            for (String document : Files.readString(renderedFile(name)).split("(?m)^---\\s*$")) {
                if (!document.isBlank()) {
                    objects.add(serialization.unmarshal(document));
                }
            }
            rendered.put(name, objects);
        }
        app = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("src/main/resources/application.properties"))) {
            app.load(reader);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsKnownToTheKubernetesApiModelWithoutUnknownFields(String overlay) {
        for (HasMetadata object : rendered.get(overlay)) {
            String name = object.getKind() + "/" + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                assertThat(CUSTOM_KINDS).as("%s (%s) is not a kind of the Kubernetes API", name, object.getApiVersion())
                        .contains(object.getKind());
                continue;
            }
            List<String> unknown = new ArrayList<>();
            unknownFields(object, name, unknown);
            assertThat(unknown).as("fields the Kubernetes API does not know, in %s", overlay).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDeploymentRunsTheApplicationsImageWithItsPortProbesAndSettings(String overlay) throws IOException {
        Container container = only(overlay, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).endsWith(property("quarkus.container-image.group", null) + "/"
                + property("quarkus.container-image.name", null) + ":" + projectVersion());
        int port = Integer.parseInt(property("quarkus.http.port", "8080"));
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getContainerPort()).isEqualTo(port);
            assertThat(p.getName()).isEqualTo("http");
        });
        String health = "/" + property("quarkus.http.non-application-root-path", "q") + "/"
                + property("quarkus.smallrye-health.root-path", "health");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(health + "/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(health + "/ready");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(health + "/started");
        for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        Service service = only(overlay, Service.class);
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

        Set<String> known = settingsTheApplicationReads();
        for (String variable : environment(overlay, container).keySet()) {
            assertThat(known).as("%s: environment variable %s is read by no setting of the application", overlay, variable)
                    .contains(variable);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretTheDeploymentReadsHasItsKeys(String overlay) {
        Deployment deployment = only(overlay, Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        String appSecret = clusterName(overlay) + "-app"; // made by CloudNativePG with username and password
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                if (ref.getName().equals(appSecret)) {
                    assertThat(ref.getKey()).isIn("username", "password");
                } else {
                    assertThat(secret(overlay, ref.getName()).getData()).containsKey(ref.getKey());
                }
            }
        }
        List<String> fromSecrets = container.getEnvFrom().stream().filter(f -> f.getSecretRef() != null)
                .flatMap(f -> secret(overlay, f.getSecretRef().getName()).getData().keySet().stream()).toList();
        // replicas share the session key, so a sign-in on one holds on all
        assertThat(fromSecrets).contains("GEVINSTSPOR_SESSION_KEY");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunAsNonRootOnAReadOnlyFileSystemAndRollWithoutLosingCapacity(String overlay) {
        Deployment deployment = only(overlay, Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("no volume on /tmp")).getName();
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(tmpVolume);
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("memory");
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDatabaseIsACloudNativePgClusterOfPostgres17WithMonitoringReportingRoleAndBackups(String overlay) {
        Map<String, Object> spec = spec(custom(overlay, "postgresql.cnpg.io/v1", "Cluster"));
        assertThat((String) spec.get("imageName")).matches(".*/postgresql:17(\\.\\d+)*");
        assertThat((Integer) spec.get("instances")).isPositive();
        assertThat(map(map(spec, "bootstrap"), "initdb")).containsEntry("database", databaseOfDbUrl(overlay));
        assertThat(map(spec, "storage").get("size")).isNotNull();
        assertThat(map(spec, "monitoring")).containsEntry("enablePodMonitor", true);
        List<Map<String, Object>> roles = list(map(spec, "managed"), "roles");
        Map<String, Object> reporting = roles.stream().filter(r -> "gevinstspor_reporting".equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no managed role gevinstspor_reporting"));
        assertThat(reporting).containsEntry("login", true);
        Secret password = secret(overlay, (String) map(reporting, "passwordSecret").get("name"));
        assertThat(password.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(password.getData()).containsKeys("username", "password");

        Map<String, Object> store = map(map(spec, "backup"), "barmanObjectStore");
        assertThat((String) store.get("destinationPath")).startsWith("s3://");
        for (Object selector : map(store, "s3Credentials").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ref = (Map<String, Object>) selector;
            assertThat(secret(overlay, (String) ref.get("name")).getData()).containsKey((String) ref.get("key"));
        }
        Map<String, Object> scheduled = spec(custom(overlay, "postgresql.cnpg.io/v1", "ScheduledBackup"));
        assertThat(map(scheduled, "cluster")).containsEntry("name", clusterName(overlay));
        assertThat((String) scheduled.get("schedule")).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusScrapesTheApplicationsMetricsPathThroughTheService(String overlay) {
        Map<String, Object> spec = spec(custom(overlay, "monitoring.coreos.com/v1", "ServiceMonitor"));
        Service service = only(overlay, Service.class);
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(stringMap(map(map(spec, "selector"), "matchLabels")));
        String metrics = "/" + property("quarkus.http.non-application-root-path", "q") + "/"
                + property("quarkus.micrometer.export.prometheus.path", "metrics");
        assertThat(list(spec, "endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("path", metrics);
            assertThat(endpoint).containsEntry("port", service.getSpec().getPorts().get(0).getName());
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNetworkPolicyLetsThePodsReachTheirDatabaseAndTheIngressHasTls(String overlay) {
        NetworkPolicy policy = only(overlay, NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(only(overlay, Deployment.class).getSpec().getSelector().getMatchLabels());
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertThat(egress).anySatisfy(rule -> {
            assertThat(rule.getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("cnpg.io/cluster", clusterName(overlay));
            assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(5432);
        });
        Ingress ingress = only(overlay, Ingress.class);
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isNotBlank();
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
        });
    }

    /**
     * The pods take X-Forwarded-For (the login throttle's client address) only from the ingress controller: a few
     * addresses each overlay names, never the pod network (any pod could then claim any client address).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void thePodsTrustOnlyTheIngressControllersAddressesAsProxies(String overlay) {
        String trusted = configMap(overlay, "gevinstspor-config").getData().get("GEVINSTSPOR_TRUSTED_PROXIES");
        assertThat(trusted).as("%s: GEVINSTSPOR_TRUSTED_PROXIES", overlay).isNotBlank();
        Pattern ipv4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(\\d{1,2}))?");
        Pattern ipv6 = Pattern.compile("[0-9a-fA-F:]+/(\\d{1,3})");
        for (String entry : trusted.split(",")) {
            Matcher v4 = ipv4.matcher(entry.trim());
            Matcher v6 = ipv6.matcher(entry.trim());
            if (v4.matches()) {
                int bits = v4.group(2) == null ? 32 : Integer.parseInt(v4.group(2));
                assertThat(bits).as("%s: %s is wider than a /24", overlay, entry).isGreaterThanOrEqualTo(24);
            } else if (v6.matches()) {
                assertThat(Integer.parseInt(v6.group(1))).as("%s: %s is wider than a /120", overlay, entry).isGreaterThanOrEqualTo(120);
            } else {
                fail(overlay + ": " + entry + " is not an address or range");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDashboardIsAConfigMapForGrafanasSidecar(String overlay) {
        List<ConfigMap> dashboards = all(overlay, ConfigMap.class).stream()
                .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).toList();
        assertThat(dashboards).flatMap(c -> c.getData().keySet()).containsExactlyInAnyOrderElementsOf(DASHBOARDS);
    }

    @Test
    void devIsOneReplicaOnOneDatabaseInstance() {
        assertThat(only("dev", Deployment.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(spec(custom("dev", "postgresql.cnpg.io/v1", "Cluster"))).containsEntry("instances", 1);
        assertThat(all("dev", HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(configMap("dev", "gevinstspor-config").getData()).containsEntry("GEVINSTSPOR_OIDC", "false");
    }

    @Test
    void prodIsThreeReplicasOnThreeDatabaseInstancesWithOpenIdConnect() {
        assertThat(only("prod", Deployment.class).getSpec().getReplicas()).isEqualTo(3);
        assertThat(only("prod", HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(spec(custom("prod", "postgresql.cnpg.io/v1", "Cluster"))).containsEntry("instances", 3);
        assertThat(configMap("prod", "gevinstspor-config").getData()).containsEntry("GEVINSTSPOR_OIDC", "true")
                .containsKeys("GEVINSTSPOR_OIDC_URL", "GEVINSTSPOR_OIDC_CLIENT_ID");
    }

    // --- the application's configuration ----------------------------------------------------------------

    /**
     * Environment variables the application reads: those application.properties names ({@code ${VAR}}), the
     * environment form of its properties and of {@link GevinstsporConfig}, and those of the image's start script.
     */
    private static Set<String> settingsTheApplicationReads() throws IOException {
        Set<String> names = new HashSet<>();
        String text = Files.readString(ROOT.resolve("src/main/resources/application.properties"));
        Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(text);
        while (reference.find()) {
            names.add(reference.group(1));
        }
        for (String key : app.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                names.add(environmentName(key));
            }
        }
        configNames(GevinstsporConfig.class, "gevinstspor", names);
        String dockerfile = Files.readString(ROOT.resolve("src/main/docker/Dockerfile.jvm"));
        Matcher word = Pattern.compile("\\b(JAVA_[A-Z0-9_]+)\\b").matcher(dockerfile);
        while (word.find()) {
            names.add(word.group(1));
        }
        return names;
    }

    private static void configNames(Class<?> group, String prefix, Set<String> names) {
        for (Method m : group.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
                continue;
            }
            WithName withName = m.getAnnotation(WithName.class);
            String name = prefix + "." + (withName != null ? withName.value()
                    : m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
            if (m.getReturnType().isInterface() && m.getReturnType().getDeclaringClass() == GevinstsporConfig.class) {
                configNames(m.getReturnType(), name, names);
            } else {
                names.add(environmentName(name));
            }
        }
    }

    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static String property(String key, String otherwise) {
        String value = app.getProperty(key, otherwise);
        assertThat(value).as("application.properties: %s", key).isNotNull();
        return value;
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>gevinstspor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    // --- reading the rendered objects ---------------------------------------------------------------------

    private static Map<String, String> environment(String overlay, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                configMapNamed(overlay, from.getConfigMapRef().getName()).getData().forEach(env::put);
            }
            if (from.getSecretRef() != null) {
                secret(overlay, from.getSecretRef().getName()).getData().keySet().forEach(k -> env.put(k, "(secret)"));
            }
        }
        container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    private static String databaseOfDbUrl(String overlay) {
        String url = configMap(overlay, "gevinstspor-config").getData().get("DB_URL");
        assertThat(url).startsWith("jdbc:postgresql://" + clusterName(overlay) + "-rw:5432/");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String clusterName(String overlay) {
        return custom(overlay, "postgresql.cnpg.io/v1", "Cluster").getMetadata().getName();
    }

    private static <T extends HasMetadata> List<T> all(String overlay, Class<T> type) {
        return rendered.get(overlay).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T only(String overlay, Class<T> type) {
        List<T> found = all(overlay, type);
        assertThat(found).as("%s in %s", type.getSimpleName(), overlay).hasSize(1);
        return found.get(0);
    }

    private static GenericKubernetesResource custom(String overlay, String apiVersion, String kind) {
        List<GenericKubernetesResource> found = all(overlay, GenericKubernetesResource.class).stream()
                .filter(r -> r.getApiVersion().equals(apiVersion) && r.getKind().equals(kind)).toList();
        assertThat(found).as("%s %s in %s", apiVersion, kind, overlay).hasSize(1);
        return found.get(0);
    }

    private static Secret secret(String overlay, String name) {
        return all(overlay, Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name + " in " + overlay));
    }

    /** A generated ConfigMap by its name before kustomize's hash suffix. */
    private static ConfigMap configMap(String overlay, String name) {
        return all(overlay, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + overlay));
    }

    private static ConfigMap configMapNamed(String overlay, String name) {
        return all(overlay, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + overlay));
    }

    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties(), "spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("required field %s", key).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).as("required field %s", key).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> strings = new HashMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    /** Walks a model object and notes every non-empty additionalProperties: fields the model does not know. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object child;
                try {
                    child = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + field.getName(), unknown);
                }
            }
        }
    }

    private static Path renderedFile(String overlay) {
        return ROOT.resolve("target/k8s/" + overlay + ".yaml");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
