package health.citadel.infra.kubernetes;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a cluster running Citadel must hold to, checked on the objects one region would apply. Each policy answers
 * with its findings, one line per object that breaks it; none means it holds.
 */
final class ClusterPolicies {

    /** The HTTPS port Liberty serves the application on ({@code CITADEL_HTTPS_PORT}); there is no plain HTTP listener. */
    static final int HTTPS_PORT = 9443;
    /**
     * Liberty's management listener ({@code CITADEL_MANAGEMENT_PORT}): /health, /metrics and /openapi, which need no
     * login and which the public listener refuses; for the kubelet and the metrics scraper only.
     */
    static final int MANAGEMENT_PORT = 9444;
    /** MicroProfile Health's endpoints, as README "Operating Citadel" defines them. */
    static final Map<String, String> HEALTH_PATHS = Map.of(
            "startup", "/health/started", "liveness", "/health/live", "readiness", "/health/ready");
    /** The namespaces that may connect, by the label the platform gives them, and the one port each may reach. */
    static final Map<String, Integer> INGRESS_NAMESPACE_LABELS = Map.of(
            "citadel.health/ingress-controller", HTTPS_PORT, "citadel.health/metrics-scraper", MANAGEMENT_PORT);
    /** Where a Prometheus that discovers pods scrapes them, by the annotations it reads. */
    static final Map<String, String> SCRAPE_ANNOTATIONS = Map.of("prometheus.io/scrape", "true",
            "prometheus.io/scheme", "https", "prometheus.io/port", String.valueOf(MANAGEMENT_PORT), "prometheus.io/path", "/metrics");
    /** Where the pods may connect: PostgreSQL, Keycloak, the alert webhook's receiver (HTTPS), DNS. */
    static final Set<String> EGRESS_PORTS = Set.of("TCP/5432", "TCP/8443", "TCP/443", "UDP/53", "TCP/53");
    /** Where Liberty writes under a read-only root file system: logs, its output directory, the JVM's temporary files. */
    static final List<String> LIBERTY_WRITABLE_PATHS = List.of("/logs", "/opt/ol/wlp/output", "/tmp");
    static final String CSI_DRIVER = "secrets-store.csi.k8s.io";
    /** The ConfigMap with the hospital's certificate authority, and its key that PostgreSQL's clients read (PEM). */
    static final String HOSPITAL_CA = "citadel-hospital-ca";
    static final String HOSPITAL_CA_PEM = "ca.pem";
    /** The mode bits that let someone write a file. */
    private static final int WRITE_BITS = 0222;
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final List<HasMetadata> resources;

    ClusterPolicies(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Every policy by name, with its findings. */
    Map<String, List<String>> findings() {
        Map<String, Supplier<List<String>>> policies = new LinkedHashMap<>();
        policies.put("health probes use the health endpoints", this::healthProbesUseTheHealthEndpoints);
        policies.put("the autoscaler scales the deployment", this::autoscalerScalesTheDeployment);
        policies.put("a disruption budget keeps an instance serving", this::disruptionBudgetKeepsAnInstanceServing);
        policies.put("only the ingress reaches HTTPS, only the scraper the management port", this::onlyTheIngressReachesHttps);
        policies.put("the Service and the Ingress route to the public listener only", this::publicRoutesAvoidTheManagementPort);
        policies.put("metrics are scraped on the management port", this::metricsAreScrapedOnTheManagementPort);
        policies.put("egress reaches only the database, Keycloak, the webhook and DNS", this::egressReachesOnlyItsDependencies);
        policies.put("containers are hardened", this::containersAreHardened);
        policies.put("writable paths are scratch volumes", this::writablePathsAreScratchVolumes);
        policies.put("secrets come from the secret store", this::secretsComeFromTheSecretStore);
        policies.put("the hospital's certificate authority is trusted, mounted read-only", this::hospitalAuthorityIsTrustedReadOnly);
        policies.put("containers have requests and limits", this::containersHaveRequestsAndLimits);
        policies.put("backups run on a schedule, one at a time", this::backupsRunOnAScheduleOneAtATime);
        policies.put("backups are pruned and copied to the other region's storage", this::backupsArePrunedAndCopied);
        policies.put("region settings are filled in", this::regionSettingsAreFilledIn);
        Map<String, List<String>> findings = new LinkedHashMap<>();
        policies.forEach((name, policy) -> findings.put(name, policy.get()));
        return findings;
    }

    /**
     * Startup, liveness and readiness probe the server's started, live and ready endpoints over HTTPS on its
     * management port, the one listener that serves them, which listens on every interface as the public one does.
     */
    List<String> healthProbesUseTheHealthEndpoints() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : all(Deployment.class)) {
            List<Container> servers = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(container -> env(container, "CITADEL_HTTPS_PORT").isPresent()).toList();
            if (servers.isEmpty()) {
                findings.add(name(deployment) + ": no container sets CITADEL_HTTPS_PORT");
            }
            for (Container server : servers) {
                String where = name(deployment) + " container " + server.getName();
                Map.of("CITADEL_HTTPS_PORT", HTTPS_PORT, "CITADEL_MANAGEMENT_PORT", MANAGEMENT_PORT).forEach((variable, number) -> {
                    String port = env(server, variable).orElse("");
                    if (!port.equals(String.valueOf(number))) {
                        findings.add(where + ": " + variable + " is " + port + ", not " + number);
                    }
                    if (nullSafe(server.getPorts()).stream().noneMatch(p -> number.equals(p.getContainerPort()))) {
                        findings.add(where + ": does not declare containerPort " + number);
                    }
                });
                String bind = env(server, "CITADEL_BIND_HOST").orElse("127.0.0.1");
                // server.xml: the management listener binds where the public one does unless told otherwise
                String managementBind = env(server, "CITADEL_MANAGEMENT_BIND_HOST").orElse(bind);
                for (String host : new TreeSet<>(List.of(bind, managementBind))) {
                    if (!host.equals("*") && !host.equals("0.0.0.0")) {
                        findings.add(where + ": " + (host.equals(bind) ? "CITADEL_BIND_HOST " : "CITADEL_MANAGEMENT_BIND_HOST ")
                                + host + " is not every interface: no probe reaches it");
                    }
                }
                Map<String, Probe> probes = new LinkedHashMap<>();
                probes.put("startup", server.getStartupProbe());
                probes.put("liveness", server.getLivenessProbe());
                probes.put("readiness", server.getReadinessProbe());
                probes.forEach((kind, probe) -> {
                    if (probe == null || probe.getHttpGet() == null) {
                        findings.add(where + ": no " + kind + " probe over HTTP");
                        return;
                    }
                    if (!HEALTH_PATHS.get(kind).equals(probe.getHttpGet().getPath())) {
                        findings.add(where + ": the " + kind + " probe asks " + probe.getHttpGet().getPath() + ", not "
                                + HEALTH_PATHS.get(kind));
                    }
                    if (!"HTTPS".equals(probe.getHttpGet().getScheme())) {
                        findings.add(where + ": the " + kind + " probe is not over HTTPS");
                    }
                    Integer probed = containerPort(server, probe.getHttpGet().getPort());
                    if (probed == null || probed != MANAGEMENT_PORT) {
                        findings.add(where + ": the " + kind + " probe asks port " + probed + ", not the management port " + MANAGEMENT_PORT);
                    }
                });
            }
        }
        if (all(Deployment.class).isEmpty()) {
            findings.add("no Deployment");
        }
        return findings;
    }

    /**
     * Each Deployment has an autoscaler (autoscaling/v2) that targets it, keeps two instances at least and scales on
     * a metric, and leaves the count to it (no replicas in the Deployment).
     */
    List<String> autoscalerScalesTheDeployment() {
        List<String> findings = new ArrayList<>();
        for (HorizontalPodAutoscaler autoscaler : all(HorizontalPodAutoscaler.class)) {
            var target = autoscaler.getSpec().getScaleTargetRef();
            if (target == null || !"Deployment".equals(target.getKind()) || !"apps/v1".equals(target.getApiVersion())
                    || deployment(target.getName()).isEmpty()) {
                findings.add(name(autoscaler) + ": targets no Deployment of these manifests ("
                        + (target == null ? "nothing" : target.getApiVersion() + " " + target.getKind() + " " + target.getName()) + ")");
            }
            Integer min = autoscaler.getSpec().getMinReplicas();
            if (min == null || min < 2) {
                findings.add(name(autoscaler) + ": minReplicas " + min + " leaves one instance at times");
            }
            if (min != null && autoscaler.getSpec().getMaxReplicas() < min) {
                findings.add(name(autoscaler) + ": maxReplicas below minReplicas");
            }
            if (autoscaler.getSpec().getMetrics() == null || autoscaler.getSpec().getMetrics().isEmpty()) {
                findings.add(name(autoscaler) + ": scales on no metric");
            }
        }
        for (Deployment deployment : all(Deployment.class)) {
            if (autoscalerOf(deployment).isEmpty()) {
                findings.add(name(deployment) + ": no HorizontalPodAutoscaler targets it");
            } else if (deployment.getSpec().getReplicas() != null) {
                findings.add(name(deployment) + ": declares replicas, which each apply would reset under the autoscaler");
            }
        }
        return findings;
    }

    /** Each Deployment's pods are selected by a PodDisruptionBudget that still lets a drain proceed. */
    List<String> disruptionBudgetKeepsAnInstanceServing() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : all(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class).stream()
                    .filter(budget -> selects(budget.getSpec().getSelector(), labels, false)).toList();
            if (budgets.isEmpty()) {
                findings.add(name(deployment) + ": no PodDisruptionBudget selects its pods " + labels);
            }
            for (PodDisruptionBudget budget : budgets) {
                IntOrString minAvailable = budget.getSpec().getMinAvailable();
                IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
                if (minAvailable == null && maxUnavailable == null) {
                    findings.add(name(budget) + ": neither minAvailable nor maxUnavailable");
                }
                Optional<HorizontalPodAutoscaler> autoscaler = autoscalerOf(deployment);
                if (minAvailable != null && minAvailable.getIntVal() != null && autoscaler.isPresent()
                        && autoscaler.get().getSpec().getMinReplicas() != null
                        && minAvailable.getIntVal() >= autoscaler.get().getSpec().getMinReplicas()) {
                    findings.add(name(budget) + ": minAvailable " + minAvailable.getIntVal()
                            + " is not below the autoscaler's minReplicas: no node could be drained");
                }
            }
        }
        return findings;
    }

    /**
     * Every pod is fenced by a NetworkPolicy for both directions; what a policy admits is the public listener from
     * the labelled ingress controller's namespace and the management listener from the labelled metrics scraper's,
     * each only its own, never from everywhere or by address.
     */
    List<String> onlyTheIngressReachesHttps() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads()) {
            Map<String, String> labels = workload.template().getMetadata().getLabels();
            if (policiesSelecting(labels).stream().noneMatch(policy -> types(policy).containsAll(Set.of("Ingress", "Egress")))) {
                findings.add(workload.name() + ": no NetworkPolicy limits both its ingress and its egress");
            }
        }
        for (NetworkPolicy policy : all(NetworkPolicy.class)) {
            for (NetworkPolicyIngressRule rule : nullSafe(policy.getSpec().getIngress())) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    findings.add(name(policy) + ": an ingress rule admits every source");
                }
                Set<String> sources = new TreeSet<>();
                for (NetworkPolicyPeer peer : nullSafe(rule.getFrom())) {
                    if (peer.getIpBlock() != null) {
                        findings.add(name(policy) + ": an ingress rule admits addresses " + peer.getIpBlock().getCidr());
                    } else if (peer.getNamespaceSelector() == null || peer.getNamespaceSelector().getMatchLabels() == null
                            || peer.getNamespaceSelector().getMatchLabels().isEmpty()
                            || !INGRESS_NAMESPACE_LABELS.keySet().containsAll(peer.getNamespaceSelector().getMatchLabels().keySet())) {
                        findings.add(name(policy) + ": an ingress rule admits a namespace other than the ingress controller's: "
                                + (peer.getNamespaceSelector() == null ? "its own" : peer.getNamespaceSelector().getMatchLabels()));
                    } else {
                        sources.addAll(peer.getNamespaceSelector().getMatchLabels().keySet());
                    }
                }
                if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                    findings.add(name(policy) + ": an ingress rule admits every port");
                }
                for (NetworkPolicyPort port : nullSafe(rule.getPorts())) {
                    for (String source : sources) {
                        String own = "TCP/" + INGRESS_NAMESPACE_LABELS.get(source);
                        if (!port(port).equals(own) || port.getEndPort() != null) {
                            findings.add(name(policy) + ": admits " + port(port) + " from " + source + ", not only " + own);
                        }
                    }
                }
            }
        }
        return findings;
    }

    /**
     * No Service port leads to the management listener, and no Ingress backend to such a port: what the ingress
     * controller publishes must not include /health, /metrics and /openapi.
     */
    List<String> publicRoutesAvoidTheManagementPort() {
        List<String> findings = new ArrayList<>();
        for (Service service : all(Service.class)) {
            for (ServicePort port : nullSafe(service.getSpec().getPorts())) {
                if (leadsToManagement(service, port)) {
                    findings.add(name(service) + ": port " + port.getPort() + " leads to the management port " + MANAGEMENT_PORT);
                }
            }
        }
        for (Ingress ingress : all(Ingress.class)) {
            List<IngressBackend> backends = new ArrayList<>();
            Optional.ofNullable(ingress.getSpec().getDefaultBackend()).ifPresent(backends::add);
            nullSafe(ingress.getSpec().getRules()).stream().filter(rule -> rule.getHttp() != null)
                    .flatMap(rule -> nullSafe(rule.getHttp().getPaths()).stream()).forEach(path -> backends.add(path.getBackend()));
            for (IngressBackend backend : backends) {
                if (backend == null || backend.getService() == null || backend.getService().getPort() == null) {
                    continue;
                }
                ServiceBackendPort wanted = backend.getService().getPort();
                all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(backend.getService().getName()))
                        .forEach(service -> nullSafe(service.getSpec().getPorts()).stream()
                                .filter(p -> Objects.equals(p.getPort(), wanted.getNumber())
                                        || (wanted.getName() != null && wanted.getName().equals(p.getName())))
                                .filter(p -> leadsToManagement(service, p))
                                .forEach(p -> findings.add(name(ingress) + ": routes to " + name(service) + " port " + p.getPort()
                                        + ", the management port")));
            }
        }
        return findings;
    }

    /** Whether a Service port's target, resolved on the containers of the pods it selects, is the management port. */
    private boolean leadsToManagement(Service service, ServicePort port) {
        IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
        Map<String, String> selector = nullSafe(service.getSpec().getSelector());
        return workloads().stream()
                .filter(w -> !selector.isEmpty() && nullSafe(w.template().getMetadata().getLabels()).entrySet().containsAll(selector.entrySet()))
                .flatMap(w -> containers(w.template().getSpec()).stream())
                .anyMatch(container -> Objects.equals(containerPort(container, target), MANAGEMENT_PORT));
    }

    /**
     * The server's pods tell a Prometheus that discovers them to scrape /metrics over HTTPS on the management port:
     * the public listener refuses /metrics, and the NetworkPolicy admits the scraper to that port alone.
     */
    List<String> metricsAreScrapedOnTheManagementPort() {
        List<String> findings = new ArrayList<>();
        for (Deployment deployment : all(Deployment.class)) {
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            if (template.getSpec().getContainers().stream().noneMatch(c -> env(c, "CITADEL_HTTPS_PORT").isPresent())) {
                continue;
            }
            Map<String, String> annotations = nullSafe(template.getMetadata().getAnnotations());
            SCRAPE_ANNOTATIONS.forEach((annotation, value) -> {
                if (!value.equals(annotations.get(annotation))) {
                    findings.add(name(deployment) + ": its pods' " + annotation + " is " + annotations.get(annotation) + ", not " + value);
                }
            });
        }
        return findings;
    }

    /** Every egress rule names its ports, and they are PostgreSQL's, Keycloak's, HTTPS (the webhook) and DNS. */
    List<String> egressReachesOnlyItsDependencies() {
        List<String> findings = new ArrayList<>();
        for (NetworkPolicy policy : all(NetworkPolicy.class)) {
            if (!types(policy).contains("Egress")) {
                continue;
            }
            for (NetworkPolicyEgressRule rule : nullSafe(policy.getSpec().getEgress())) {
                if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                    findings.add(name(policy) + ": an egress rule allows every port");
                }
                if (rule.getTo() == null || rule.getTo().isEmpty()) {
                    findings.add(name(policy) + ": an egress rule allows every destination");
                }
                for (NetworkPolicyPort port : nullSafe(rule.getPorts())) {
                    if (!EGRESS_PORTS.contains(port(port)) || port.getEndPort() != null) {
                        findings.add(name(policy) + ": allows egress to " + port(port)
                                + (port.getEndPort() != null ? "-" + port.getEndPort() : "") + ", not one of " + new TreeSet<>(EGRESS_PORTS));
                    }
                }
                for (NetworkPolicyPeer peer : nullSafe(rule.getTo())) {
                    if (peer.getIpBlock() != null && peer.getIpBlock().getCidr().endsWith("/0")) {
                        findings.add(name(policy) + ": allows egress to every address (" + peer.getIpBlock().getCidr() + ")");
                    }
                }
            }
        }
        return findings;
    }

    /**
     * Every container of every workload: not root, a read-only root file system, no privilege escalation, every
     * capability dropped, seccomp RuntimeDefault; no host namespaces and no API token in the pod.
     */
    List<String> containersAreHardened() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads()) {
            PodSpec pod = workload.template().getSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
                findings.add(workload.name() + ": shares a host namespace");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                findings.add(workload.name() + ": mounts a Kubernetes API token (automountServiceAccountToken is not false)");
            }
            for (Container container : containers(pod)) {
                String where = workload.name() + " container " + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
                    findings.add(where + ": may run as root (runAsNonRoot " + nonRoot + ", runAsUser " + user + ")");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    findings.add(where + ": the root file system is writable (readOnlyRootFilesystem is not true)");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    findings.add(where + ": may escalate privileges (allowPrivilegeEscalation is not false)");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    findings.add(where + ": is privileged");
                }
                Capabilities capabilities = context.getCapabilities();
                if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
                    findings.add(where + ": does not drop every capability (capabilities.drop lacks ALL)");
                }
                if (capabilities != null && capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
                    findings.add(where + ": adds capabilities " + capabilities.getAdd());
                }
                SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : podContext.getSeccompProfile();
                if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                    findings.add(where + ": seccomp is not RuntimeDefault (" + (seccomp == null ? "unset" : seccomp.getType()) + ")");
                }
            }
        }
        return findings;
    }

    /** With the root file system read-only, what must be written is on emptyDir: /tmp everywhere, and Liberty's logs and output directory. */
    List<String> writablePathsAreScratchVolumes() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads()) {
            PodSpec pod = workload.template().getSpec();
            for (Container container : containers(pod)) {
                boolean liberty = env(container, "CITADEL_HTTPS_PORT").isPresent();
                for (String path : liberty ? LIBERTY_WRITABLE_PATHS : List.of("/tmp")) {
                    Optional<VolumeMount> mount = nullSafe(container.getVolumeMounts()).stream()
                            .filter(m -> path.equals(m.getMountPath())).findFirst();
                    Optional<Volume> volume = mount.flatMap(m -> nullSafe(pod.getVolumes()).stream()
                            .filter(v -> v.getName().equals(m.getName())).findFirst());
                    if (volume.isEmpty() || volume.get().getEmptyDir() == null) {
                        findings.add(workload.name() + " container " + container.getName() + ": " + path + " is not an emptyDir volume");
                    } else if (volume.get().getEmptyDir().getSizeLimit() == null) {
                        findings.add(workload.name() + " volume " + volume.get().getName() + ": an emptyDir without sizeLimit");
                    }
                }
            }
        }
        return findings;
    }

    /**
     * No Secret with its data in the manifests; every secret a container reads is synced by a SecretProviderClass
     * from the external store, through a read-only Secrets Store CSI volume the pod mounts; no secret as a literal.
     */
    List<String> secretsComeFromTheSecretStore() {
        List<String> findings = new ArrayList<>();
        for (Secret secret : all(Secret.class)) {
            if ((secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null && !secret.getStringData().isEmpty())) {
                findings.add(name(secret) + ": a Secret with its data in the manifests");
            }
        }
        Map<String, SecretProviderClass> providers = new LinkedHashMap<>();
        for (SecretProviderClass provider : all(SecretProviderClass.class)) {
            providers.put(provider.getMetadata().getName(), provider);
            Set<String> mounted = mountedObjects(provider, findings);
            for (SecretProviderClass.SecretObject synced : nullSafe(provider.getSpec().secretObjects())) {
                for (SecretProviderClass.Data data : nullSafe(synced.data())) {
                    if (!mounted.contains(data.objectName())) {
                        findings.add(name(provider) + ": secret " + synced.secretName() + " syncs " + data.objectName()
                                + ", which the provider does not fetch");
                    }
                }
            }
        }
        for (Workload workload : workloads()) {
            PodSpec pod = workload.template().getSpec();
            Set<String> mountedProviders = new TreeSet<>();
            for (Volume volume : nullSafe(pod.getVolumes())) {
                if (volume.getSecret() != null) {
                    findings.add(workload.name() + " volume " + volume.getName() + ": a Kubernetes Secret volume, not the secret store's");
                }
                if (volume.getCsi() != null) {
                    String provider = volume.getCsi().getVolumeAttributes() == null ? null
                            : volume.getCsi().getVolumeAttributes().get("secretProviderClass");
                    if (!CSI_DRIVER.equals(volume.getCsi().getDriver()) || !Boolean.TRUE.equals(volume.getCsi().getReadOnly())
                            || !providers.containsKey(provider)) {
                        findings.add(workload.name() + " volume " + volume.getName() + ": not a read-only " + CSI_DRIVER
                                + " volume of a SecretProviderClass declared here (" + provider + ")");
                    } else {
                        mountedProviders.add(provider);
                    }
                }
            }
            for (Container container : containers(pod)) {
                String where = workload.name() + " container " + container.getName();
                for (EnvVar variable : nullSafe(container.getEnv())) {
                    if (variable.getValue() != null && SECRET_NAME.matcher(variable.getName()).matches()) {
                        findings.add(where + ": " + variable.getName() + " is a literal, not from the secret store");
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        var reference = variable.getValueFrom().getSecretKeyRef();
                        if (!synced(mountedProviders, providers, reference.getName(), reference.getKey())) {
                            findings.add(where + ": " + variable.getName() + " reads secret " + reference.getName() + " key "
                                    + reference.getKey() + ", which no SecretProviderClass this pod mounts syncs");
                        }
                    }
                }
                for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
                    if (source.getSecretRef() != null && !synced(mountedProviders, providers, source.getSecretRef().getName(), null)) {
                        findings.add(where + ": reads secret " + source.getSecretRef().getName()
                                + ", which no SecretProviderClass this pod mounts syncs");
                    }
                }
            }
        }
        return findings;
    }

    /**
     * Every container that reaches PostgreSQL (a jdbc:postgresql: URL in its environment), and Liberty, trust the
     * hospital's certificate authority from the ConfigMap citadel-hospital-ca, mounted read-only (the mount readOnly,
     * no write bit in its files' mode): each JDBC URL verifies the server (sslmode=verify-full) against the mounted
     * ca.pem, and Liberty's trust store (CITADEL_TLS_TRUSTSTORE), for Keycloak and the alert webhook, is on the mount.
     */
    List<String> hospitalAuthorityIsTrustedReadOnly() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads()) {
            PodSpec pod = workload.template().getSpec();
            for (Container container : containers(pod)) {
                String where = workload.name() + " container " + container.getName();
                List<EnvVar> databases = nullSafe(container.getEnv()).stream()
                        .filter(v -> v.getValue() != null && v.getValue().startsWith("jdbc:postgresql:")).toList();
                boolean liberty = env(container, "CITADEL_HTTPS_PORT").isPresent();
                Optional<String> pem = databases.isEmpty() && !liberty ? Optional.empty()
                        : hospitalAuthority(pod, container, where, findings);
                if (pem.isEmpty()) {
                    continue;
                }
                for (EnvVar database : databases) {
                    Map<String, String> query = query(database.getValue());
                    if (!"verify-full".equals(query.get("sslmode")) || !pem.get().equals(query.get("sslrootcert"))) {
                        findings.add(where + ": " + database.getName() + " does not verify the server (sslmode=verify-full) against "
                                + pem.get());
                    }
                }
                String folder = pem.get().substring(0, pem.get().lastIndexOf('/') + 1);
                String trust = env(container, "CITADEL_TLS_TRUSTSTORE").orElse("");
                if (liberty && !trust.startsWith(folder)) {
                    findings.add(where + ": CITADEL_TLS_TRUSTSTORE '" + trust + "' is not on the hospital's authority's mount " + folder);
                }
            }
        }
        return findings;
    }

    /** Where the container reads the hospital's ca.pem: on its read-only mount of a citadel-hospital-ca volume. */
    private static Optional<String> hospitalAuthority(PodSpec pod, Container container, String where, List<String> findings) {
        Optional<Volume> volume = nullSafe(pod.getVolumes()).stream()
                .filter(v -> v.getConfigMap() != null && HOSPITAL_CA.equals(v.getConfigMap().getName())).findFirst();
        Optional<VolumeMount> mount = volume.flatMap(v -> nullSafe(container.getVolumeMounts()).stream()
                .filter(m -> m.getName().equals(v.getName())).findFirst());
        if (mount.isEmpty()) {
            findings.add(where + ": does not mount the ConfigMap " + HOSPITAL_CA + " (the hospital's certificate authority)");
            return Optional.empty();
        }
        ConfigMapVolumeSource source = volume.get().getConfigMap();
        if (!Boolean.TRUE.equals(mount.get().getReadOnly())) {
            findings.add(where + ": mounts " + HOSPITAL_CA + " writable (readOnly is not true)");
        }
        List<Integer> modes = new ArrayList<>();
        modes.add(source.getDefaultMode());
        nullSafe(source.getItems()).stream().map(KeyToPath::getMode).filter(Objects::nonNull).forEach(modes::add);
        for (Integer mode : modes) {
            if (mode == null || (mode & WRITE_BITS) != 0) {
                findings.add(where + ": the files of " + HOSPITAL_CA + " may be written (mode "
                        + (mode == null ? "unset, 0644" : "0" + Integer.toOctalString(mode)) + ")");
            }
        }
        Optional<String> pem = source.getItems() == null ? Optional.of(HOSPITAL_CA_PEM)
                : source.getItems().stream().filter(i -> HOSPITAL_CA_PEM.equals(i.getKey())).map(KeyToPath::getPath).findFirst();
        if (pem.isEmpty()) {
            findings.add(where + ": mounts " + HOSPITAL_CA + " without its " + HOSPITAL_CA_PEM);
        }
        return pem.map(path -> mount.get().getMountPath() + "/" + path);
    }

    /** A URL's query parameters, as written. */
    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (url.contains("?")) {
            for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
                int equals = parameter.indexOf('=');
                parameters.put(equals < 0 ? parameter : parameter.substring(0, equals), equals < 0 ? "" : parameter.substring(equals + 1));
            }
        }
        return parameters;
    }

    /** Every container requests and limits CPU and memory, the request no more than the limit. */
    List<String> containersHaveRequestsAndLimits() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (Container container : containers(workload.template().getSpec())) {
                String where = workload.name() + " container " + container.getName();
                ResourceRequirements resources = Optional.ofNullable(container.getResources()).orElseGet(ResourceRequirements::new);
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources.getRequests() == null ? null : resources.getRequests().get(resource);
                    Quantity limit = resources.getLimits() == null ? null : resources.getLimits().get(resource);
                    if (request == null) {
                        findings.add(where + ": requests no " + resource);
                    }
                    if (limit == null) {
                        findings.add(where + ": no " + resource + " limit");
                    }
                    if (request != null && limit != null && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        findings.add(where + ": requests more " + resource + " (" + request + ") than its limit (" + limit + ")");
                    }
                }
            }
        }
        return findings;
    }

    /** A CronJob runs {@code bin/citadel dr backup}, and no CronJob ever runs twice at once. */
    List<String> backupsRunOnAScheduleOneAtATime() {
        List<String> findings = new ArrayList<>();
        boolean backup = false;
        for (CronJob job : all(CronJob.class)) {
            if (!"Forbid".equals(job.getSpec().getConcurrencyPolicy())) {
                findings.add(name(job) + ": concurrencyPolicy " + job.getSpec().getConcurrencyPolicy() + ", not Forbid");
            }
            backup |= job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().stream()
                    .anyMatch(ClusterPolicies::runsBackups);
        }
        if (!backup) {
            findings.add("no CronJob runs bin/citadel dr backup");
        }
        return findings;
    }

    /**
     * Every container that runs {@code bin/citadel dr backup} sets how many daily and weekly backups to keep, and
     * copies each backup onto a volume claim of its own, of a storage class other than the backups' (the overlay
     * names the other region's), so that one region's storage lost loses no backup.
     */
    List<String> backupsArePrunedAndCopied() {
        List<String> findings = new ArrayList<>();
        for (CronJob job : all(CronJob.class)) {
            PodSpec pod = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers().stream().filter(ClusterPolicies::runsBackups).toList()) {
                String where = name(job) + " container " + container.getName();
                for (String variable : List.of("CITADEL_DR_BACKUP_KEEP_DAILY", "CITADEL_DR_BACKUP_KEEP_WEEKLY")) {
                    String kept = env(container, variable).orElse("");
                    if (!kept.matches("[1-9][0-9]{0,3}")) {
                        findings.add(where + ": " + variable + " is '" + kept + "', not a number of backups to keep");
                    }
                }
                Optional<PersistentVolumeClaim> backups = claimAt(pod, container, "CITADEL_DR_BACKUPS", where, findings);
                Optional<PersistentVolumeClaim> copies = claimAt(pod, container, "CITADEL_DR_BACKUP_COPY", where, findings);
                if (backups.isPresent() && copies.isPresent()) {
                    String backupsClass = backups.get().getSpec().getStorageClassName();
                    String copiesClass = copies.get().getSpec().getStorageClassName();
                    if (backups.get() == copies.get()) {
                        findings.add(where + ": copies its backups onto their own volume claim " + name(copies.get()));
                    } else if (copiesClass == null || copiesClass.equals(backupsClass)) {
                        findings.add(where + ": the copies' " + name(copies.get()) + " names no storage class of its own: "
                                + "it may be the backups' own region's storage");
                    }
                }
            }
        }
        return findings;
    }

    /** The claim of the volume mounted where the container's {@code variable} points; none is a finding. */
    private Optional<PersistentVolumeClaim> claimAt(PodSpec pod, Container container, String variable, String where,
                                                    List<String> findings) {
        String path = env(container, variable).orElse(null);
        if (path == null) {
            findings.add(where + ": " + variable + " is not set");
            return Optional.empty();
        }
        Optional<String> claim = nullSafe(container.getVolumeMounts()).stream()
                .filter(m -> path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/"))
                .flatMap(m -> nullSafe(pod.getVolumes()).stream().filter(v -> v.getName().equals(m.getName())))
                .filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName()).findFirst();
        Optional<PersistentVolumeClaim> found = claim.flatMap(name -> all(PersistentVolumeClaim.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst());
        if (found.isEmpty()) {
            findings.add(where + ": " + variable + " " + path + " is not on a volume claim declared here");
        }
        return found;
    }

    /** What each region must set is set: no base placeholder (an all-capitals word) is left in an env value or a provider parameter. */
    List<String> regionSettingsAreFilledIn() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads()) {
            for (Container container : containers(workload.template().getSpec())) {
                for (EnvVar variable : nullSafe(container.getEnv())) {
                    if (variable.getValue() != null && PLACEHOLDER.matcher(variable.getValue()).matches()) {
                        findings.add(workload.name() + " container " + container.getName() + ": " + variable.getName()
                                + " is the placeholder " + variable.getValue());
                    }
                }
            }
        }
        for (SecretProviderClass provider : all(SecretProviderClass.class)) {
            nullSafe(provider.getSpec().parameters()).forEach((key, value) -> {
                if (PLACEHOLDER.matcher(value).matches()) {
                    findings.add(name(provider) + ": parameter " + key + " is the placeholder " + value);
                }
            });
        }
        return findings;
    }

    private static boolean runsBackups(Container container) {
        List<String> command = Stream.concat(nullSafe(container.getCommand()).stream(), nullSafe(container.getArgs()).stream()).toList();
        int dr = command.indexOf("dr");
        return dr > 0 && command.get(0).endsWith("bin/citadel") && dr + 1 < command.size()
                && command.get(dr + 1).equals("backup");
    }

    /** What one region declares and the other does not, by kind and name. */
    static List<String> differencesBetweenRegions(List<HasMetadata> first, List<HasMetadata> second) {
        Set<String> one = identities(first);
        Set<String> other = identities(second);
        List<String> differences = new ArrayList<>();
        one.stream().filter(identity -> !other.contains(identity)).forEach(identity -> differences.add("only in the first: " + identity));
        other.stream().filter(identity -> !one.contains(identity)).forEach(identity -> differences.add("only in the second: " + identity));
        return differences;
    }

    private static Set<String> identities(List<HasMetadata> resources) {
        Set<String> identities = new TreeSet<>();
        resources.forEach(resource -> identities.add(resource.getApiVersion() + " " + resource.getKind() + " "
                + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName()));
        return identities;
    }

    /** A pod template and what owns it. */
    record Workload(String name, PodTemplateSpec template) {
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(d -> workloads.add(new Workload(name(d), d.getSpec().getTemplate())));
        all(StatefulSet.class).forEach(s -> workloads.add(new Workload(name(s), s.getSpec().getTemplate())));
        all(DaemonSet.class).forEach(d -> workloads.add(new Workload(name(d), d.getSpec().getTemplate())));
        all(Job.class).forEach(j -> workloads.add(new Workload(name(j), j.getSpec().getTemplate())));
        all(CronJob.class).forEach(c -> workloads.add(new Workload(name(c), c.getSpec().getJobTemplate().getSpec().getTemplate())));
        all(Pod.class).forEach(p -> workloads.add(new Workload(name(p), new PodTemplateSpec(p.getMetadata(), p.getSpec()))));
        return workloads;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Optional<Deployment> deployment(String name) {
        return all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }

    private Optional<HorizontalPodAutoscaler> autoscalerOf(Deployment deployment) {
        return all(HorizontalPodAutoscaler.class).stream().filter(a -> a.getSpec().getScaleTargetRef() != null
                && "Deployment".equals(a.getSpec().getScaleTargetRef().getKind())
                && deployment.getMetadata().getName().equals(a.getSpec().getScaleTargetRef().getName())).findFirst();
    }

    private List<NetworkPolicy> policiesSelecting(Map<String, String> labels) {
        return all(NetworkPolicy.class).stream().filter(p -> selects(p.getSpec().getPodSelector(), labels, true)).toList();
    }

    private static List<String> types(NetworkPolicy policy) {
        return nullSafe(policy.getSpec().getPolicyTypes());
    }

    /** @param emptyMatchesAll a NetworkPolicy's {} selects every pod; a missing selector selects none */
    static boolean selects(LabelSelector selector, Map<String, String> labels, boolean emptyMatchesAll) {
        if (selector == null) {
            return false;
        }
        Map<String, String> podLabels = labels == null ? Map.of() : labels;
        boolean empty = nullSafe(selector.getMatchLabels()).isEmpty() && nullSafe(selector.getMatchExpressions()).isEmpty();
        if (empty) {
            return emptyMatchesAll;
        }
        for (Map.Entry<String, String> required : nullSafe(selector.getMatchLabels()).entrySet()) {
            if (!required.getValue().equals(podLabels.get(required.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement requirement : nullSafe(selector.getMatchExpressions())) {
            String value = podLabels.get(requirement.getKey());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static String port(NetworkPolicyPort port) {
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        IntOrString number = port.getPort();
        return protocol + "/" + (number == null ? "every port" : number.getIntVal() != null ? number.getIntVal() : number.getStrVal());
    }

    private static Integer containerPort(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return nullSafe(container.getPorts()).stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(p -> p.getContainerPort()).findFirst().orElse(null);
    }

    private static Optional<String> env(Container container, String name) {
        return nullSafe(container.getEnv()).stream().filter(v -> name.equals(v.getName())).map(EnvVar::getValue)
                .filter(Objects::nonNull).findFirst();
    }

    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(nullSafe(pod.getInitContainers()).stream(), nullSafe(pod.getContainers()).stream()).toList();
    }

    /** The names the provider mounts its objects under: each object's alias, else its name. */
    private static Set<String> mountedObjects(SecretProviderClass provider, List<String> findings) {
        Set<String> names = new TreeSet<>();
        String objects = nullSafe(provider.getSpec().parameters()).get("objects");
        if (objects == null) {
            findings.add(name(provider) + ": fetches no objects");
            return names;
        }
        try {
            for (JsonNode object : Manifests.YAML.readTree(objects)) {
                names.add(object.path("objectAlias").asString(object.path("objectName").asString("")));
            }
        } catch (JacksonException e) {
            findings.add(name(provider) + ": its objects are not YAML: " + e.getOriginalMessage());
        }
        return names;
    }

    private static boolean synced(Set<String> mounted, Map<String, SecretProviderClass> providers, String secret, String key) {
        return mounted.stream().map(providers::get).flatMap(p -> nullSafe(p.getSpec().secretObjects()).stream())
                .filter(s -> s.secretName().equals(secret))
                .anyMatch(s -> key == null || nullSafe(s.data()).stream().anyMatch(d -> key.equals(d.key())));
    }

    static String name(HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getName();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
