package health.citadel.infra.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every policy holds on what each region applies, and each one fails when one object of a region is changed to
 * break it: the checks are not true of anything.
 */
class ClusterPoliciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"region-a", "region-b"})
    void everyPolicyHoldsInTheRegion(String region) {
        Map<String, List<String>> findings = Regions.policies(region).findings();
        assertEquals(15, findings.size());
        findings.forEach((policy, broken) -> assertEquals(List.of(), broken, region + ": " + policy));
    }

    @Test
    void theBaseAloneLeavesTheRegionSettingsOpen() {
        List<String> findings = new ClusterPolicies(Overlays.load(Repository.kubernetes().resolve("base")))
                .regionSettingsAreFilledIn();
        assertTrue(findings.stream().anyMatch(f -> f.contains("CITADEL_DB_URL is the placeholder")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("parameter region is the placeholder")), findings.toString());
    }

    // health probes

    @Test
    void aReadinessProbeOnTheLivenessEndpointBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints, resources -> liberty(resources).getReadinessProbe()
                .getHttpGet().setPath("/health/live"), "the readiness probe asks /health/live, not /health/ready");
    }

    @Test
    void aMissingStartupProbeBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints, resources -> liberty(resources).setStartupProbe(null),
                "no startup probe");
    }

    @Test
    void aProbeOnAnotherPortOrOverHttpBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints, resources -> liberty(resources).getLivenessProbe()
                .getHttpGet().setPort(new IntOrString(9080)), "the liveness probe asks port 9080");
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints, resources -> liberty(resources).getLivenessProbe()
                .getHttpGet().setScheme("HTTP"), "the liveness probe is not over HTTPS");
    }

    @Test
    void aProbeOnThePublicListenerBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints, resources -> liberty(resources).getReadinessProbe()
                .getHttpGet().setPort(new IntOrString("https")), "the readiness probe asks port 9443, not the management port 9444");
    }

    @Test
    void aServerWithoutItsManagementListenerBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints,
                resources -> liberty(resources).getEnv().removeIf(v -> v.getName().equals("CITADEL_MANAGEMENT_PORT")),
                "CITADEL_MANAGEMENT_PORT is , not 9444");
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints,
                resources -> liberty(resources).getPorts().removeIf(p -> p.getContainerPort() == ClusterPolicies.MANAGEMENT_PORT),
                "does not declare containerPort 9444");
    }

    @Test
    void aManagementListenerOnLoopbackBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints, resources -> liberty(resources).getEnv()
                .add(new EnvVarBuilder().withName("CITADEL_MANAGEMENT_BIND_HOST").withValue("127.0.0.1").build()),
                "CITADEL_MANAGEMENT_BIND_HOST 127.0.0.1 is not every interface");
    }

    @Test
    void aServerOnLoopbackBreaksTheProbePolicy() {
        assertBroken(ClusterPolicies::healthProbesUseTheHealthEndpoints,
                resources -> liberty(resources).getEnv().removeIf(v -> v.getName().equals("CITADEL_BIND_HOST")),
                "CITADEL_BIND_HOST 127.0.0.1 is not every interface");
    }

    // autoscaler and disruption budget

    @Test
    void anAutoscalerOfAnotherDeploymentBreaksTheAutoscalerPolicy() {
        assertBroken(ClusterPolicies::autoscalerScalesTheDeployment,
                resources -> only(resources, HorizontalPodAutoscaler.class).getSpec().getScaleTargetRef().setName("citadel-old"),
                "Deployment citadel: no HorizontalPodAutoscaler targets it");
    }

    @Test
    void oneInstanceAtTimesBreaksTheAutoscalerPolicy() {
        assertBroken(ClusterPolicies::autoscalerScalesTheDeployment,
                resources -> only(resources, HorizontalPodAutoscaler.class).getSpec().setMinReplicas(1), "minReplicas 1");
    }

    @Test
    void replicasBesideTheAutoscalerBreakTheAutoscalerPolicy() {
        assertBroken(ClusterPolicies::autoscalerScalesTheDeployment,
                resources -> only(resources, Deployment.class).getSpec().setReplicas(2), "declares replicas");
    }

    @Test
    void aBudgetSelectingOtherPodsBreaksTheBudgetPolicy() {
        assertBroken(ClusterPolicies::disruptionBudgetKeepsAnInstanceServing,
                resources -> only(resources, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels()
                        .put("app.kubernetes.io/component", "worker"), "no PodDisruptionBudget selects its pods");
    }

    @Test
    void aBudgetThatBlocksEveryDrainBreaksTheBudgetPolicy() {
        assertBroken(ClusterPolicies::disruptionBudgetKeepsAnInstanceServing,
                resources -> only(resources, PodDisruptionBudget.class).getSpec().setMinAvailable(new IntOrString(2)),
                "no node could be drained");
    }

    // network

    @Test
    void anotherIngressPortBreaksTheIngressPolicy() {
        assertBroken(ClusterPolicies::onlyTheIngressReachesHttps, resources -> policy(resources, "citadel").getSpec()
                .getIngress().get(0).getPorts().add(new NetworkPolicyPortBuilder().withPort(new IntOrString(9080)).build()),
                "admits TCP/9080");
    }

    @Test
    void eachNamespaceOnTheOtherListenerBreaksTheIngressPolicy() {
        assertBroken(ClusterPolicies::onlyTheIngressReachesHttps, resources -> {
            List<NetworkPolicyIngressRule> rules = policy(resources, "citadel").getSpec().getIngress();
            rules.get(0).getFrom().addAll(rules.get(1).getFrom());
        }, "admits TCP/9443 from citadel.health/metrics-scraper, not only TCP/9444");
        assertBroken(ClusterPolicies::onlyTheIngressReachesHttps, resources -> policy(resources, "citadel").getSpec()
                .getIngress().get(0).getPorts().get(0).setPort(new IntOrString(9444)),
                "admits TCP/9444 from citadel.health/ingress-controller, not only TCP/9443");
    }

    @Test
    void anIngressFromEverywhereBreaksTheIngressPolicy() {
        assertBroken(ClusterPolicies::onlyTheIngressReachesHttps,
                resources -> policy(resources, "citadel").getSpec().getIngress().get(0).setFrom(null), "admits every source");
        assertBroken(ClusterPolicies::onlyTheIngressReachesHttps, resources -> policy(resources, "citadel").getSpec()
                .getIngress().get(0).getFrom().get(0).getNamespaceSelector().setMatchLabels(Map.of("team", "anyone")),
                "a namespace other than the ingress controller's");
    }

    @Test
    void aPodNoPolicyFencesBreaksTheIngressPolicy() {
        assertBroken(ClusterPolicies::onlyTheIngressReachesHttps, resources -> {
            resources.removeIf(r -> r instanceof NetworkPolicy p && p.getMetadata().getName().equals("default-deny"));
            resources.removeIf(r -> r instanceof NetworkPolicy p && p.getMetadata().getName().equals("citadel-backup"));
        }, "CronJob citadel-backup: no NetworkPolicy limits both its ingress and its egress");
    }

    // routes and scraping

    @Test
    void aServicePortToTheManagementListenerBreaksTheRoutePolicy() {
        assertBroken(ClusterPolicies::publicRoutesAvoidTheManagementPort, resources -> only(resources, Service.class).getSpec()
                .getPorts().add(managementServicePort()), "Service citadel: port 9444 leads to the management port 9444");
        assertBroken(ClusterPolicies::publicRoutesAvoidTheManagementPort, resources -> only(resources, Service.class).getSpec()
                .getPorts().get(0).setTargetPort(new IntOrString(9444)), "Service citadel: port 9443 leads to the management port");
    }

    @Test
    void anIngressToTheManagementListenerBreaksTheRoutePolicy() {
        List<HasMetadata> resources = new ArrayList<>(Regions.render("region-a"));
        resources.add(ingressTo("https"));
        assertEquals(List.of(), new ClusterPolicies(resources).publicRoutesAvoidTheManagementPort(), "an Ingress to the public port");
        assertBroken(ClusterPolicies::publicRoutesAvoidTheManagementPort, changed -> {
            only(changed, Service.class).getSpec().getPorts().add(managementServicePort());
            changed.add(ingressTo("management"));
        }, "Ingress citadel: routes to Service citadel port 9444, the management port");
    }

    @Test
    void scrapingAnotherPortBreaksTheScrapePolicy() {
        assertBroken(ClusterPolicies::metricsAreScrapedOnTheManagementPort, resources -> only(resources, Deployment.class).getSpec()
                .getTemplate().getMetadata().getAnnotations().put("prometheus.io/port", "9443"), "prometheus.io/port is 9443, not 9444");
        assertBroken(ClusterPolicies::metricsAreScrapedOnTheManagementPort, resources -> only(resources, Deployment.class).getSpec()
                .getTemplate().getMetadata().setAnnotations(null), "prometheus.io/scrape is null, not true");
    }

    private static ServicePort managementServicePort() {
        return new ServicePortBuilder().withName("management").withPort(9444).withTargetPort(new IntOrString("management")).build();
    }

    private static Ingress ingressTo(String servicePort) {
        return new IngressBuilder().withNewMetadata().withName("citadel").endMetadata().withNewSpec().addNewRule()
                .withHost("citadel.hospital.example").withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName("citadel").withNewPort().withName(servicePort).endPort().endService()
                .endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    @Test
    void egressToAnotherPortBreaksTheEgressPolicy() {
        NetworkPolicyEgressRule ssh = new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr("10.0.0.0/8")
                .endIpBlock().endTo().addNewPort().withPort(new IntOrString(22)).withProtocol("TCP").endPort().build();
        assertBroken(ClusterPolicies::egressReachesOnlyItsDependencies,
                resources -> policy(resources, "citadel").getSpec().getEgress().add(ssh), "allows egress to TCP/22");
    }

    @Test
    void egressToEveryPortOrAddressBreaksTheEgressPolicy() {
        assertBroken(ClusterPolicies::egressReachesOnlyItsDependencies,
                resources -> policy(resources, "citadel-backup").getSpec().getEgress().get(0).setPorts(null),
                "an egress rule allows every port");
        assertBroken(ClusterPolicies::egressReachesOnlyItsDependencies,
                resources -> policy(resources, "citadel").getSpec().getEgress().get(2).getTo().get(0).getIpBlock().setCidr("0.0.0.0/0"),
                "allows egress to every address");
    }

    // hardening

    @Test
    void aWritableRootFileSystemInTheBackupJobBreaksTheHardeningPolicy() {
        assertBroken(ClusterPolicies::containersAreHardened,
                resources -> backup(resources).getSecurityContext().setReadOnlyRootFilesystem(false),
                "CronJob citadel-backup container backup: the root file system is writable");
    }

    @Test
    void eachHardeningSettingLeftOutBreaksTheHardeningPolicy() {
        assertBroken(ClusterPolicies::containersAreHardened, resources -> {
            liberty(resources).getSecurityContext().setRunAsNonRoot(null);
            pod(resources).getSecurityContext().setRunAsNonRoot(null);
        }, "container liberty: may run as root");
        assertBroken(ClusterPolicies::containersAreHardened,
                resources -> liberty(resources).getSecurityContext().setAllowPrivilegeEscalation(true), "may escalate privileges");
        assertBroken(ClusterPolicies::containersAreHardened,
                resources -> liberty(resources).getSecurityContext().setCapabilities(new Capabilities(List.of("NET_RAW"), List.of())),
                "does not drop every capability");
        assertBroken(ClusterPolicies::containersAreHardened,
                resources -> liberty(resources).getSecurityContext().getCapabilities().setAdd(List.of("NET_ADMIN")), "adds capabilities");
        assertBroken(ClusterPolicies::containersAreHardened, resources -> {
            liberty(resources).getSecurityContext().setSeccompProfile(null);
            pod(resources).getSecurityContext().setSeccompProfile(null);
        }, "seccomp is not RuntimeDefault");
        assertBroken(ClusterPolicies::containersAreHardened, resources -> pod(resources).setAutomountServiceAccountToken(null),
                "mounts a Kubernetes API token");
    }

    @Test
    void libertyLogsOutsideAnEmptyDirBreakTheScratchPolicy() {
        assertBroken(ClusterPolicies::writablePathsAreScratchVolumes,
                resources -> liberty(resources).getVolumeMounts().removeIf(m -> m.getMountPath().equals("/logs")),
                "container liberty: /logs is not an emptyDir volume");
        assertBroken(ClusterPolicies::writablePathsAreScratchVolumes,
                resources -> backup(resources).getVolumeMounts().removeIf(m -> m.getMountPath().equals("/tmp")),
                "container backup: /tmp is not an emptyDir volume");
    }

    // secrets

    @Test
    void aSecretWithItsDataBreaksTheSecretPolicy() {
        assertBroken(ClusterPolicies::secretsComeFromTheSecretStore, resources -> resources.add(new SecretBuilder()
                .withNewMetadata().withName("citadel-db").endMetadata().addToStringData("password", "hunter2").build()),
                "Secret citadel-db: a Secret with its data in the manifests");
    }

    @Test
    void aLiteralPasswordBreaksTheSecretPolicy() {
        assertBroken(ClusterPolicies::secretsComeFromTheSecretStore, resources -> {
            List<EnvVar> env = liberty(resources).getEnv();
            env.removeIf(v -> v.getName().equals("CITADEL_DB_PASSWORD"));
            env.add(new EnvVarBuilder().withName("CITADEL_DB_PASSWORD").withValue("hunter2").build());
        }, "CITADEL_DB_PASSWORD is a literal");
    }

    @Test
    void aSecretNoProviderSyncsBreaksTheSecretPolicy() {
        assertBroken(ClusterPolicies::secretsComeFromTheSecretStore, resources -> liberty(resources).getEnv().stream()
                .filter(v -> v.getName().equals("CITADEL_DB_PASSWORD")).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef().setName("hand-made"), "reads secret hand-made key CITADEL_DB_PASSWORD");
        // the backup job mounts its own provider, not the application's
        assertBroken(ClusterPolicies::secretsComeFromTheSecretStore, resources -> backup(resources).getEnv().stream()
                .filter(v -> v.getName().equals("CITADEL_DR_PASSWORD")).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef().setName("citadel-env"), "which no SecretProviderClass this pod mounts syncs");
    }

    @Test
    void aVolumeOfAnotherDriverBreaksTheSecretPolicy() {
        assertBroken(ClusterPolicies::secretsComeFromTheSecretStore,
                resources -> pod(resources).getVolumes().stream().filter(v -> v.getCsi() != null).findFirst().orElseThrow()
                        .getCsi().setDriver("example.org/secrets"), "volume secrets: not a read-only secrets-store.csi.k8s.io volume");
    }

    // the hospital's certificate authority

    @Test
    void aWritableOrMissingMountOfTheHospitalsAuthorityBreaksTheTrustPolicy() {
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> hospitalAuthorityMount(liberty(resources))
                .setReadOnly(null), "container liberty: mounts citadel-hospital-ca writable");
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> hospitalAuthorityVolume(pod(resources))
                .getConfigMap().setDefaultMode(0644), "container liberty: the files of citadel-hospital-ca may be written (mode 0644)");
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> hospitalAuthorityVolume(pod(resources))
                .getConfigMap().setDefaultMode(null), "may be written (mode unset, 0644)");
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> backup(resources).getVolumeMounts()
                .remove(hospitalAuthorityMount(backup(resources))), "container backup: does not mount the ConfigMap citadel-hospital-ca");
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> hospitalAuthorityVolume(pod(resources))
                .getConfigMap().getItems().removeIf(item -> item.getKey().equals("ca.pem")), "mounts citadel-hospital-ca without its ca.pem");
    }

    @Test
    void aDatabaseOrKeycloakTrustedByAnythingElseBreaksTheTrustPolicy() {
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> setEnv(liberty(resources), "CITADEL_DB_URL",
                        env(liberty(resources), "CITADEL_DB_URL").replace("/etc/citadel/hospital-ca/ca.pem", "/etc/citadel/secrets/db-ca.crt")),
                "container liberty: CITADEL_DB_URL does not verify the server (sslmode=verify-full) against /etc/citadel/hospital-ca/ca.pem");
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> setEnv(backup(resources), "CITADEL_DR_REGION_B_URL",
                        env(backup(resources), "CITADEL_DR_REGION_B_URL").replace("verify-full", "require")),
                "container backup: CITADEL_DR_REGION_B_URL does not verify the server");
        assertBroken(ClusterPolicies::hospitalAuthorityIsTrustedReadOnly, resources -> setEnv(liberty(resources), "CITADEL_TLS_TRUSTSTORE",
                        "/usr/lib/jvm/java-17-openjdk-amd64/lib/security/cacerts"),
                "CITADEL_TLS_TRUSTSTORE '/usr/lib/jvm/java-17-openjdk-amd64/lib/security/cacerts' is not on the hospital's authority's mount");
    }

    // resources

    @Test
    void aContainerWithoutLimitsBreaksTheResourcePolicy() {
        assertBroken(ClusterPolicies::containersHaveRequestsAndLimits,
                resources -> backup(resources).getResources().setLimits(null), "container backup: no memory limit");
        assertBroken(ClusterPolicies::containersHaveRequestsAndLimits,
                resources -> liberty(resources).getResources().getRequests().remove("cpu"), "container liberty: requests no cpu");
    }

    // backups

    @Test
    void overlappingBackupsBreakTheBackupPolicy() {
        assertBroken(ClusterPolicies::backupsRunOnAScheduleOneAtATime,
                resources -> only(resources, CronJob.class).getSpec().setConcurrencyPolicy("Allow"), "concurrencyPolicy Allow, not Forbid");
        assertBroken(ClusterPolicies::backupsRunOnAScheduleOneAtATime,
                resources -> backup(resources).setCommand(List.of("/opt/citadel/bin/citadel", "dr", "status")), "no CronJob runs bin/citadel dr backup");
    }

    @Test
    void aBackupJobWithoutRetentionOrACopyOnOtherStorageBreaksTheCopyPolicy() {
        assertBroken(ClusterPolicies::backupsArePrunedAndCopied,
                resources -> backup(resources).getEnv().removeIf(v -> v.getName().equals("CITADEL_DR_BACKUP_KEEP_WEEKLY")),
                "CITADEL_DR_BACKUP_KEEP_WEEKLY is '', not a number of backups to keep");
        assertBroken(ClusterPolicies::backupsArePrunedAndCopied,
                resources -> setEnv(backup(resources), "CITADEL_DR_BACKUP_KEEP_DAILY", "0"),
                "CITADEL_DR_BACKUP_KEEP_DAILY is '0'");
        assertBroken(ClusterPolicies::backupsArePrunedAndCopied,
                resources -> backup(resources).getEnv().removeIf(v -> v.getName().equals("CITADEL_DR_BACKUP_COPY")),
                "container backup: CITADEL_DR_BACKUP_COPY is not set");
        assertBroken(ClusterPolicies::backupsArePrunedAndCopied,
                resources -> setEnv(backup(resources), "CITADEL_DR_BACKUP_COPY", "/tmp/copies"),
                "CITADEL_DR_BACKUP_COPY /tmp/copies is not on a volume claim declared here");
        assertBroken(ClusterPolicies::backupsArePrunedAndCopied,
                resources -> setEnv(backup(resources), "CITADEL_DR_BACKUP_COPY", "/var/lib/citadel/backups/copies"),
                "copies its backups onto their own volume claim PersistentVolumeClaim citadel-backups");
        assertBroken(ClusterPolicies::backupsArePrunedAndCopied,
                resources -> claim(resources, "citadel-backups-copy").getSpec().setStorageClassName(null),
                "the copies' PersistentVolumeClaim citadel-backups-copy names no storage class of its own");
    }

    /** Region A's objects, changed by {@code change}, must make {@code policy} report a finding containing {@code expected}. */
    private static void assertBroken(Function<ClusterPolicies, List<String>> policy, Consumer<List<HasMetadata>> change,
                                     String expected) {
        List<HasMetadata> resources = new ArrayList<>(Regions.render("region-a"));
        assertEquals(List.of(), policy.apply(new ClusterPolicies(resources)), "holds before the change");
        change.accept(resources);
        List<String> findings = policy.apply(new ClusterPolicies(resources));
        assertFalse(findings.isEmpty(), "the change broke nothing; expected: " + expected);
        assertTrue(findings.stream().anyMatch(f -> f.contains(expected)), "expected \"" + expected + "\" in " + findings);
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> resources, Class<T> type) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    private static PodSpec pod(List<HasMetadata> resources) {
        return only(resources, Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Container liberty(List<HasMetadata> resources) {
        return pod(resources).getContainers().get(0);
    }

    private static Container backup(List<HasMetadata> resources) {
        return only(resources, CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    private static Volume hospitalAuthorityVolume(PodSpec pod) {
        return pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
    }

    private static VolumeMount hospitalAuthorityMount(Container container) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals("hospital-ca")).findFirst().orElseThrow();
    }

    private static void setEnv(Container container, String name, String value) {
        container.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow().setValue(value);
    }

    private static PersistentVolumeClaim claim(List<HasMetadata> resources, String name) {
        return resources.stream().filter(r -> r instanceof PersistentVolumeClaim && r.getMetadata().getName().equals(name))
                .map(PersistentVolumeClaim.class::cast).findFirst().orElseThrow();
    }

    private static NetworkPolicy policy(List<HasMetadata> resources, String name) {
        return resources.stream().filter(r -> r instanceof NetworkPolicy && r.getMetadata().getName().equals(name))
                .map(NetworkPolicy.class::cast).findFirst().orElseThrow();
    }

}
