package dk.kk.gevinstspor.k8s;

import static dk.kk.gevinstspor.k8s.Manifests.all;
import static dk.kk.gevinstspor.k8s.Manifests.app;
import static dk.kk.gevinstspor.k8s.Manifests.configMap;
import static dk.kk.gevinstspor.k8s.Manifests.custom;
import static dk.kk.gevinstspor.k8s.Manifests.list;
import static dk.kk.gevinstspor.k8s.Manifests.map;
import static dk.kk.gevinstspor.k8s.Manifests.named;
import static dk.kk.gevinstspor.k8s.Manifests.only;
import static dk.kk.gevinstspor.k8s.Manifests.property;
import static dk.kk.gevinstspor.k8s.Manifests.secret;
import static dk.kk.gevinstspor.k8s.Manifests.spec;
import static dk.kk.gevinstspor.k8s.Manifests.stringMap;
import static dk.kk.gevinstspor.k8s.Manifests.OVERLAYS;
import static dk.kk.gevinstspor.k8s.Manifests.SERVICE_OVERLAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;

/**
 * The rendered Kubernetes manifests of the service (k8s/render: every overlay through {@code kubectl kustomize}) against
 * the Kubernetes API model and against the application's own configuration: image, ports, probes on the management
 * port, shutdown, metrics path, environment variables and Secret keys, the ServiceMonitor, Ingress, NetworkPolicy,
 * Namespace. The database, its backups and restore: {@link DatabaseManifestsTest}; the alerts: {@link AlertsManifestsTest}.
 */
class ManifestsTest {

    /** Custom resources the fabric8 model does not know; their required fields are checked one by one. */
    private static final Set<String> CUSTOM_KINDS = Set.of("Cluster", "ScheduledBackup", "ServiceMonitor", "ObjectStore", "PrometheusRule");
    private static final List<String> DASHBOARDS = List.of("portefolje.json", "it-kredsen.json", "laan-og-rammer.json", "drift.json");
    /** Address ranges reserved for documentation (RFC 5737): a placeholder that reaches nothing. */
    private static final List<String> DOCUMENTATION_RANGES = List.of("192.0.2.", "198.51.100.", "203.0.113.");



    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void everyObjectIsKnownToTheKubernetesApiModelWithoutUnknownFields(String overlay) {
        for (HasMetadata object : Manifests.objects(overlay)) {
            String name = object.getKind() + "/" + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                assertThat(CUSTOM_KINDS).as("%s (%s) is not a kind of the Kubernetes API", name, object.getApiVersion())
                        .contains(object.getKind());
                continue;
            }
            List<String> unknown = new ArrayList<>();
            Manifests.unknownFields(object, name, unknown);
            assertThat(unknown).as("fields the Kubernetes API does not know, in %s", overlay).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void theDeploymentRunsTheApplicationsImageFromAFullRegistryNameWithAFittingPullPolicy(String overlay) throws IOException {
        Container container = container(overlay);
        String repository = property("quarkus.container-image.group", null) + "/" + property("quarkus.container-image.name", null);
        Matcher image = Pattern.compile("([a-z0-9.-]+\\.[a-z]+(?::\\d+)?)/" + Pattern.quote(repository) + "(?::([\\w.-]+)|@(sha256:[0-9a-f]{64}))")
                .matcher(container.getImage());
        assertThat(image.matches()).as("%s: image %s is <registry host>/%s:<version> or @sha256:<digest>", overlay,
                container.getImage(), repository).isTrue();
        assertThat(image.group(1)).as("no implicit Docker Hub").isNotEqualTo("docker.io");
        if (image.group(3) != null) {
            assertThat(container.getImagePullPolicy()).as("a digest never changes").isIn("IfNotPresent", "Always");
        } else {
            assertThat(image.group(2)).isEqualTo(ApplicationSettings.projectVersion());
            assertThat(container.getImagePullPolicy()).as("a tag may move: pulled at every start").isEqualTo("Always");
        }
    }

    @Test
    void prodRunsItsImageByDigestFromTheMunicipalitysRegistry() {
        String image = container("prod").getImage();
        assertThat(image).matches("[a-z0-9.-]+\\.[a-z]+/.+@sha256:[0-9a-f]{64}").doesNotContain("example");
        assertThat(container("prod").getImagePullPolicy()).isEqualTo("IfNotPresent");
    }

    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void theApplicationPortAndTheManagementPortWithProbesThatWaitAtLeastThreeSeconds(String overlay) throws IOException {
        Container container = container(overlay);
        int http = Integer.parseInt(property("quarkus.http.port", "8080"));
        int management = Integer.parseInt(property("quarkus.management.port", "9000"));
        assertThat(container.getPorts()).extracting(p -> p.getName() + "=" + p.getContainerPort())
                .containsExactlyInAnyOrder("http=" + http, "management=" + management);
        String health = managementRoot() + "/" + property("quarkus.smallrye-health.root-path", "health");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(health + "/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(health + "/ready");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(health + "/started");
        for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).as("probes on the management port").isEqualTo("management");
            assertThat(probe.getTimeoutSeconds()).as("probe timeout (readiness borrows a pool connection)").isGreaterThanOrEqualTo(3);
            assertThat(probe.getPeriodSeconds()).isGreaterThanOrEqualTo(probe.getTimeoutSeconds());
            assertThat(probe.getFailureThreshold()).isGreaterThanOrEqualTo(2);
        }
        Probe startup = container.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as("seconds a start may take").isBetween(60, 300);

        Set<String> known = ApplicationSettings.environmentVariables();
        for (String variable : environment(overlay, container).keySet()) {
            assertThat(known).as("%s: environment variable %s is read by no setting of the application", overlay, variable)
                    .contains(variable);
        }
    }

    /** The pod outlives the service's graceful shutdown: the delay, then the timeout for requests in flight, then exit. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void thePodWaitsForTheGracefulShutdownAndTheJvmEndsOnOutOfMemory(String overlay) {
        var pod = only(overlay, Deployment.class).getSpec().getTemplate().getSpec();
        long delay = Manifests.seconds(property("quarkus.shutdown.delay", "10s"));
        long timeout = Manifests.seconds(property("quarkus.shutdown.timeout", "20s"));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(Math.max(40, delay + timeout + 10));
        Map<String, String> env = environment(overlay, container(overlay));
        assertThat(Stream.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JAVA_OPTS_APPEND").map(env::get).filter(v -> v != null))
                .as("JVM options").anySatisfy(v -> assertThat(v).contains("-XX:+ExitOnOutOfMemoryError"));
        // heap and limit from bench/RESULTS.md: RSS 546 MB under load with -Xmx256m; heap about a third of the limit
        var limit = container(overlay).getResources().getLimits().get("memory");
        long bytes = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(limit).longValue();
        assertThat(bytes).as("memory limit above the measured 546 MB RSS with headroom").isGreaterThanOrEqualTo(700L * 1024 * 1024);
        assertThat(container(overlay).getResources().getRequests().get("memory")).as("request = limit (no overcommit)").isEqualTo(limit);
        assertThat(Integer.parseInt(env.get("JAVA_MAX_MEM_RATIO")) * bytes / 100).as("heap, as benchmarked")
                .isBetween(240L * 1024 * 1024, 270L * 1024 * 1024);
    }

    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void everySecretTheDeploymentReadsHasItsKeys(String overlay) {
        Container container = container(overlay);
        String appSecret = Manifests.clusterName(overlay) + "-app"; // made by CloudNativePG with username and password
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

    /** Pod Security "restricted" is enforced on the namespace, and the service's pods satisfy it. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void theNamespaceEnforcesPodSecurityRestrictedAndThePodsSatisfyIt(String overlay) {
        Deployment deployment = only(overlay, Deployment.class);
        Namespace namespace = only(overlay, Namespace.class);
        assertThat(namespace.getMetadata().getName()).isEqualTo(deployment.getMetadata().getNamespace());
        for (String mode : List.of("enforce", "audit", "warn")) {
            assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/" + mode, "restricted");
        }
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
        for (Container container : pod.getContainers()) {
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(container.getPorts()).allSatisfy(p -> assertThat(p.getHostPort()).isNull());
        }
        Container container = pod.getContainers().get(0);
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

    /** The HorizontalPodAutoscaler owns the replica count where there is one; otherwise the Deployment names it. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void theDeploymentNamesNoReplicaCountWhereAnAutoscalerOwnsIt(String overlay) {
        Deployment deployment = only(overlay, Deployment.class);
        List<HorizontalPodAutoscaler> autoscalers = all(overlay, HorizontalPodAutoscaler.class);
        if (autoscalers.isEmpty()) {
            assertThat(deployment.getSpec().getReplicas()).as(overlay).isNotNull().isPositive();
        } else {
            assertThat(autoscalers).singleElement().satisfies(hpa -> assertThat(hpa.getSpec().getScaleTargetRef().getName())
                    .isEqualTo(deployment.getMetadata().getName()));
            assertThat(deployment.getSpec().getReplicas()).as("%s: replicas with an autoscaler", overlay).isNull();
        }
    }

    /** Prometheus scrapes the management port through a Service port of its own, which the Ingress never routes. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void prometheusScrapesTheManagementPortAndTheIngressRoutesOnlyTheApplicationPort(String overlay) {
        Map<String, Object> spec = spec(custom(overlay, "monitoring.coreos.com/v1", "ServiceMonitor"));
        Service service = only(overlay, Service.class);
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(stringMap(map(map(spec, "selector"), "matchLabels")));
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + "->" + p.getTargetPort().getStrVal())
                .containsExactlyInAnyOrder("http->http", "management->management");
        String metrics = managementRoot() + "/" + property("quarkus.micrometer.export.prometheus.path", "metrics");
        assertThat(list(spec, "endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("path", metrics);
            assertThat(endpoint).containsEntry("port", "management");
        });

        Ingress ingress = only(overlay, Ingress.class);
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isNotBlank();
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
        });
        assertThat(ingress.getSpec().getDefaultBackend()).isNull();
        ServicePort http = service.getSpec().getPorts().stream().filter(p -> p.getName().equals("http")).findFirst().orElseThrow();
        assertThat(ingress.getSpec().getRules()).flatMap(r -> r.getHttp().getPaths()).isNotEmpty().allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
            var port = path.getBackend().getService().getPort();
            assertThat(port.getName() != null ? port.getName() : String.valueOf(port.getNumber()))
                    .isIn(http.getName(), String.valueOf(http.getPort()));
            assertThat(path.getPath()).doesNotStartWith(managementRoot() + "/");
        });
    }

    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void theNetworkPolicyLetsOnlyTheIngressControllerAndPrometheusInAndThePodsOnlyToTheirDatabase(String overlay) {
        NetworkPolicy policy = named(overlay, NetworkPolicy.class, "gevinstspor");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(only(overlay, Deployment.class).getSpec().getSelector().getMatchLabels());
        List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();
        assertThat(ingress).allSatisfy(rule -> {
            assertThat(rule.getFrom()).as("every rule names who").isNotEmpty();
            assertThat(rule.getPorts()).as("every rule names its ports").isNotEmpty();
        });
        assertThat(ingress).filteredOn(rule -> rule.getPorts().stream().anyMatch(p -> "management".equals(p.getPort().getStrVal())))
                .singleElement().satisfies(rule -> assertThat(rule.getFrom()).allSatisfy(from -> assertThat(
                        from.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring")));
        assertThat(ingress).flatMap(NetworkPolicyIngressRule::getPorts).extracting(p -> p.getPort().getStrVal())
                .containsOnly("http", "management");
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertThat(egress).anySatisfy(rule -> {
            assertThat(rule.getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("cnpg.io/cluster", Manifests.clusterName(overlay));
            assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(5432);
        });
    }

    /** With sign-in by the identity provider, the pods may reach it: the base's documentation range is replaced. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void anOverlayWithOpenIdConnectLetsThePodsReachTheProviderNotThePlaceholder(String overlay) {
        if (!"true".equals(configMap(overlay, "gevinstspor-config").getData().get("GEVINSTSPOR_OIDC"))) {
            return;
        }
        List<String> cidrs = named(overlay, NetworkPolicy.class, "gevinstspor").getSpec().getEgress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> Integer.valueOf(443).equals(p.getPort().getIntVal())))
                .flatMap(rule -> rule.getTo().stream()).filter(to -> to.getIpBlock() != null).map(to -> to.getIpBlock().getCidr()).toList();
        assertThat(cidrs).as("%s: HTTPS egress to the identity provider", overlay).isNotEmpty()
                .allSatisfy(cidr -> assertThat(DOCUMENTATION_RANGES).noneMatch(cidr::startsWith))
                .allSatisfy(cidr -> assertThat(cidr).doesNotStartWith("0.0.0.0"));
    }

    /**
     * The pods take X-Forwarded-For (the login throttle's client address) only from the ingress controller: a few
     * addresses each overlay names, never the pod network (any pod could then claim any client address).
     */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
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
    @MethodSource(SERVICE_OVERLAYS)
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
    void prodIsThreeToEightReplicasOnThreeDatabaseInstancesWithOpenIdConnectAndAnAudience() {
        assertThat(only("prod", Deployment.class).getSpec().getReplicas()).isNull();
        assertThat(only("prod", HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(only("prod", HorizontalPodAutoscaler.class).getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(spec(custom("prod", "postgresql.cnpg.io/v1", "Cluster"))).containsEntry("instances", 3);
        assertThat(configMap("prod", "gevinstspor-config").getData()).containsEntry("GEVINSTSPOR_OIDC", "true")
                .containsKeys("GEVINSTSPOR_OIDC_URL", "GEVINSTSPOR_OIDC_CLIENT_ID")
                .hasEntrySatisfying("GEVINSTSPOR_OIDC_AUDIENCE", audience -> assertThat(audience).isNotBlank());
        // the pages sign in through the provider (authorization code flow) with the client's secret
        assertThat(container("prod").getEnvFrom()).filteredOn(f -> f.getSecretRef() != null)
                .flatMap(f -> secret("prod", f.getSecretRef().getName()).getData().keySet()).contains("GEVINSTSPOR_OIDC_CLIENT_SECRET");
    }

    private static Container container(String overlay) {
        return only(overlay, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The management interface's root path (/q by default), where health and metrics are served. */
    private static String managementRoot() {
        String root = property("quarkus.management.root-path", "/" + property("quarkus.http.non-application-root-path", "q"));
        return root.startsWith("/") ? root : "/" + root;
    }

    // --- reading the rendered objects ---------------------------------------------------------------------

    private static Map<String, String> environment(String overlay, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                named(overlay, ConfigMap.class, from.getConfigMapRef().getName()).getData().forEach(env::put);
            }
            if (from.getSecretRef() != null) {
                secret(overlay, from.getSecretRef().getName()).getData().keySet().forEach(k -> env.put(k, "(secret)"));
            }
        }
        container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}
