package dk.kk.gevinstspor.k8s;

import static dk.kk.gevinstspor.k8s.Manifests.clusterName;
import static dk.kk.gevinstspor.k8s.Manifests.configMap;
import static dk.kk.gevinstspor.k8s.Manifests.custom;
import static dk.kk.gevinstspor.k8s.Manifests.customs;
import static dk.kk.gevinstspor.k8s.Manifests.list;
import static dk.kk.gevinstspor.k8s.Manifests.map;
import static dk.kk.gevinstspor.k8s.Manifests.named;
import static dk.kk.gevinstspor.k8s.Manifests.only;
import static dk.kk.gevinstspor.k8s.Manifests.secret;
import static dk.kk.gevinstspor.k8s.Manifests.spec;
import static dk.kk.gevinstspor.k8s.Manifests.SERVICE_OVERLAYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * The database in the rendered manifests: a CloudNativePG cluster of PostgreSQL 17 with monitoring and the reporting
 * role, guarded by a NetworkPolicy; backups through the Barman Cloud plugin into a path of the overlay's own (none in
 * dev); and the restore overlay, which bootstraps a cluster from prod's backups with the database and its owner.
 */
class DatabaseManifestsTest {

    private static final String CNPG = "postgresql.cnpg.io/v1";
    private static final String BARMAN = "barmancloud.cnpg.io/v1";
    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";


    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void theDatabaseIsACloudNativePgClusterOfPostgres17WithMonitoringAndTheReportingRole(String overlay) {
        Map<String, Object> spec = spec(custom(overlay, CNPG, "Cluster"));
        assertThat((String) spec.get("imageName")).matches(".*/postgresql:17(\\.\\d+)*");
        assertThat((Integer) spec.get("instances")).isPositive();
        assertThat(map(map(spec, "bootstrap"), "initdb")).containsEntry("database", databaseOfDbUrl(overlay));
        assertThat(map(spec, "storage").get("size")).isNotNull();
        assertThat(map(spec, "monitoring")).containsEntry("enablePodMonitor", true);
        assertThat(spec).doesNotContainKey("backup"); // the in-tree barmanObjectStore is deprecated
        List<Map<String, Object>> roles = list(map(spec, "managed"), "roles");
        Map<String, Object> reporting = roles.stream().filter(r -> "gevinstspor_reporting".equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no managed role gevinstspor_reporting"));
        assertThat(reporting).containsEntry("login", true);
        Secret password = secret(overlay, (String) map(reporting, "passwordSecret").get("name"));
        assertThat(password.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(password.getData()).containsKeys("username", "password");
    }

    /** PostgreSQL only from the service, Grafana, the operator and the other instances; metrics only from Prometheus. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void aNetworkPolicyGuardsTheDatabasePods(String overlay) {
        NetworkPolicy policy = named(overlay, NetworkPolicy.class, clusterName(overlay));
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsExactlyEntriesOf(Map.of("cnpg.io/cluster", clusterName(overlay)));
        assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
        List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getFrom()).as("every rule names who").isNotEmpty();
            assertThat(rule.getPorts()).as("every rule names its ports").isNotEmpty();
        });
        Map<Integer, List<NetworkPolicyPeer>> allowed = new HashMap<>();
        for (NetworkPolicyIngressRule rule : rules) {
            rule.getPorts().forEach(p -> allowed.computeIfAbsent(p.getPort().getIntVal(), k -> new java.util.ArrayList<>()).addAll(rule.getFrom()));
        }
        assertThat(allowed).containsOnlyKeys(5432, 8000, 9187);
        var appLabels = only(overlay, Deployment.class).getSpec().getSelector().getMatchLabels();
        assertThat(allowed.get(5432)).anySatisfy(peer -> {
            assertThat(peer.getNamespaceSelector()).as("the service's pods in this namespace").isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(appLabels);
        });
        assertThat(allowed.get(5432)).anySatisfy(peer -> assertThat(labels(peer.getPodSelector())).containsEntry("cnpg.io/cluster", clusterName(overlay)));
        assertThat(allowed.get(5432)).anySatisfy(peer -> assertThat(labels(peer.getNamespaceSelector()))
                .containsEntry("kubernetes.io/metadata.name", "cnpg-system"));
        assertThat(allowed.get(9187)).isNotEmpty().allSatisfy(peer -> assertThat(labels(peer.getNamespaceSelector()))
                .containsEntry("kubernetes.io/metadata.name", "monitoring"));
        assertThat(allowed.values()).allSatisfy(peers -> assertThat(peers).allSatisfy(peer -> {
            assertThat(peer.getIpBlock()).isNull();
            assertThat(peer.getPodSelector()).as("a peer is some pods, never a whole namespace").isNotNull();
            assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
        }));
    }

    @Test
    void devArchivesNothing() {
        assertThat(customs("dev", BARMAN, "ObjectStore")).isEmpty();
        assertThat(customs("dev", CNPG, "ScheduledBackup")).isEmpty();
        assertThat(spec(custom("dev", CNPG, "Cluster"))).doesNotContainKey("plugins");
    }

    /** Prod archives its WAL through the plugin into its own path and takes a base backup at once and every night. */
    @Test
    void prodArchivesThroughTheBarmanCloudPluginIntoItsOwnPath() {
        Map<String, Object> cluster = spec(custom("prod", CNPG, "Cluster"));
        GenericKubernetesResource store = custom("prod", BARMAN, "ObjectStore");
        assertThat(list(cluster, "plugins")).singleElement().satisfies(plugin -> {
            assertThat(plugin).containsEntry("name", PLUGIN).containsEntry("isWALArchiver", true);
            assertThat(map(plugin, "parameters")).containsEntry("barmanObjectName", store.getMetadata().getName());
        });
        Map<String, Object> configuration = map(spec(store), "configuration");
        assertThat((String) configuration.get("destinationPath")).startsWith("s3://").doesNotContain("BUCKET", "SET-PER-OVERLAY")
                .endsWith("/prod");
        for (Object selector : map(configuration, "s3Credentials").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ref = (Map<String, Object>) selector;
            assertThat(secret("prod", (String) ref.get("name")).getData()).containsKey((String) ref.get("key"));
        }
        assertThat((String) spec(store).get("retentionPolicy")).matches("\\d+[dwm]");
        Map<String, Object> scheduled = spec(custom("prod", CNPG, "ScheduledBackup"));
        assertThat(map(scheduled, "cluster")).containsEntry("name", clusterName("prod"));
        assertThat(scheduled).containsEntry("immediate", true).containsEntry("method", "plugin");
        assertThat(map(scheduled, "pluginConfiguration")).containsEntry("name", PLUGIN);
        assertThat((String) scheduled.get("schedule")).isNotBlank();
    }

    /** No two overlays archive into one path: two clusters' WAL in one place would spoil both archives. */
    @Test
    void everyOverlayThatArchivesHasAPathOfItsOwn() throws IOException {
        Map<String, String> paths = new HashMap<>();
        for (String overlay : Manifests.serviceOverlays().toList()) {
            for (GenericKubernetesResource store : customs(overlay, BARMAN, "ObjectStore")) {
                String path = (String) map(spec(store), "configuration").get("destinationPath");
                assertThat(paths.put(path, overlay)).as("%s archives into %s as another overlay does", overlay, path).isNull();
            }
        }
        assertThat(paths).isNotEmpty();
    }

    /** The restore bootstraps a new cluster from prod's store, with prod's database and owner and the owner's login. */
    @Test
    void theRestoreOverlayRecoversProdsDatabaseWithItsOwnerFromProdsObjectStore() {
        String restore = Manifests.RESTORE;
        GenericKubernetesResource cluster = custom(restore, CNPG, "Cluster");
        assertThat(cluster.getMetadata().getName()).isNotEqualTo(clusterName("prod"));
        assertThat(cluster.getMetadata().getNamespace()).isEqualTo(Manifests.namespace("prod"));
        Map<String, Object> spec = spec(cluster);
        assertThat(map(spec, "bootstrap")).containsOnlyKeys("recovery");
        Map<String, Object> recovery = map(map(spec, "bootstrap"), "recovery");
        Map<String, Object> initdb = map(map(spec(custom("prod", CNPG, "Cluster")), "bootstrap"), "initdb");
        assertThat(recovery).containsEntry("database", initdb.get("database")).containsEntry("owner", initdb.get("owner"));
        assertThat(recovery.get("database")).isEqualTo(databaseOfDbUrl("prod"));
        Secret login = secret(restore, (String) map(recovery, "secret").get("name"));
        assertThat(login.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(login.getData()).containsKeys("username", "password");
        assertThat(new String(java.util.Base64.getDecoder().decode(login.getData().get("username")))).isEqualTo(initdb.get("owner"));

        Map<String, Object> source = list(spec, "externalClusters").stream().filter(c -> c.get("name").equals(recovery.get("source")))
                .findFirst().orElseThrow(() -> new AssertionError("no external cluster " + recovery.get("source")));
        Map<String, Object> plugin = map(source, "plugin");
        assertThat(plugin).containsEntry("name", PLUGIN);
        assertThat(map(plugin, "parameters")).containsEntry("serverName", clusterName("prod"));
        GenericKubernetesResource store = named(restore, GenericKubernetesResource.class, (String) map(plugin, "parameters").get("barmanObjectName"));
        assertThat(map(spec(store), "configuration")).as("the restore reads what prod archives")
                .isEqualTo(map(spec(custom("prod", BARMAN, "ObjectStore")), "configuration"));
        assertThat(customs(restore, CNPG, "ScheduledBackup")).isEmpty();
        assertThat(spec).doesNotContainKey("plugins"); // archives nothing into prod's path
        assertThat((String) spec.get("imageName")).isEqualTo(spec(custom("prod", CNPG, "Cluster")).get("imageName"));
    }

    private static String databaseOfDbUrl(String overlay) {
        String url = configMap(overlay, "gevinstspor-config").getData().get("DB_URL");
        assertThat(url).startsWith("jdbc:postgresql://" + clusterName(overlay) + "-rw:5432/");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Map<String, String> labels(LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }
}
