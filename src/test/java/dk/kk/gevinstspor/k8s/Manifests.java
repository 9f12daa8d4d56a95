package dk.kk.gevinstspor.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The rendered Kubernetes manifests (k8s/render: every overlay through {@code kubectl kustomize}, once per test
 * run) as objects of the Kubernetes API model, and the application's settings they must agree with.
 */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath();
    /** The overlay that restores prod's database: a cluster only, no service. */
    static final String RESTORE = "restore";
    /** Method sources of parameterized tests: every overlay, and those that run the service. */
    static final String OVERLAYS = "dk.kk.gevinstspor.k8s.Manifests#overlays";
    static final String SERVICE_OVERLAYS = "dk.kk.gevinstspor.k8s.Manifests#serviceOverlays";

    private static Map<String, List<HasMetadata>> rendered;
    private static Properties app;

    private Manifests() {
    }

    /** Every overlay of k8s/overlays. */
    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The overlays that run the service (all but the restore). */
    static Stream<String> serviceOverlays() throws IOException {
        return overlays().filter(o -> !o.equals(RESTORE));
    }

    /** Renders the overlays (once) and reads them; aborts the test without kubectl outside CI. */
    private static synchronized void load() throws IOException, InterruptedException {
        if (rendered != null) {
            return;
        }
        List<String> names = overlays().toList();
        assertThat(names).contains("dev", "prod", RESTORE);
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
        Map<String, List<HasMetadata>> all = new HashMap<>();
        for (String name : names) {
            List<HasMetadata> objects = new ArrayList<>();
            for (String document : Files.readString(renderedFile(name)).split("(?m)^---\\s*$")) {
                if (!document.isBlank()) {
                    objects.add(serialization.unmarshal(document));
                }
            }
            all.put(name, objects);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        app = properties;
        rendered = all;
    }

    static List<HasMetadata> objects(String overlay) {
        loaded();
        return rendered.get(overlay);
    }

    static Properties app() {
        loaded();
        return app;
    }

    /** Renders and reads on first use, so every test class shares one rendering. */
    private static void loaded() {
        try {
            load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String property(String key, String otherwise) {
        String value = app().getProperty(key, otherwise);
        assertThat(value).as("application.properties: %s", key).isNotNull();
        return value;
    }

    static <T extends HasMetadata> List<T> all(String overlay, Class<T> type) {
        return objects(overlay).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T only(String overlay, Class<T> type) {
        List<T> found = all(overlay, type);
        assertThat(found).as("%s in %s", type.getSimpleName(), overlay).hasSize(1);
        return found.get(0);
    }

    static <T extends HasMetadata> T named(String overlay, Class<T> type, String name) {
        return all(overlay, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + overlay));
    }

    static List<GenericKubernetesResource> customs(String overlay, String apiVersion, String kind) {
        return all(overlay, GenericKubernetesResource.class).stream()
                .filter(r -> r.getApiVersion().equals(apiVersion) && r.getKind().equals(kind)).toList();
    }

    static GenericKubernetesResource custom(String overlay, String apiVersion, String kind) {
        List<GenericKubernetesResource> found = customs(overlay, apiVersion, kind);
        assertThat(found).as("%s %s in %s", apiVersion, kind, overlay).hasSize(1);
        return found.get(0);
    }

    static Secret secret(String overlay, String name) {
        return named(overlay, Secret.class, name);
    }

    /** A generated ConfigMap by its name before kustomize's hash suffix. */
    static ConfigMap configMap(String overlay, String name) {
        return all(overlay, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + overlay));
    }

    static String clusterName(String overlay) {
        return custom(overlay, "postgresql.cnpg.io/v1", "Cluster").getMetadata().getName();
    }

    /** The namespace the overlay's objects are rendered into. */
    static String namespace(String overlay) {
        return only(overlay, Deployment.class).getMetadata().getNamespace();
    }

    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties(), "spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("required field %s", key).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).as("required field %s", key).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> strings = new HashMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    /** Seconds of a Quarkus duration setting such as "10s", "1m" or "PT20S". */
    static long seconds(String duration) {
        String d = duration.trim().toLowerCase();
        if (d.startsWith("pt")) {
            return java.time.Duration.parse(duration.trim()).toSeconds();
        }
        if (d.endsWith("ms")) {
            return Long.parseLong(d.substring(0, d.length() - 2)) / 1000;
        }
        long n = Long.parseLong(d.replaceAll("[smh]$", ""));
        return d.endsWith("m") ? n * 60 : d.endsWith("h") ? n * 3600 : n;
    }

    private static Path renderedFile(String overlay) {
        return ROOT.resolve("target/k8s/" + overlay + ".yaml");
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** Walks a model object and notes every non-empty additionalProperties: fields the model does not know. */
    static void unknownFields(Object value, String path, List<String> unknown) {
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
}
