package health.citadel.localstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole local stack: PostgreSQL for regions A and B with logical replication from A to B, Keycloak with
 * the realm, and Liberty with the WAR. {@code up} is idempotent; {@code down} stops what {@code up} started.
 */
final class LocalStack {

    private final Path repository;
    private final StackHome home;
    private final StackPorts ports;
    private final Path war;
    /** The module folders of migrations; the checkout's, unless a schema change is tried out first. */
    private final Path migrations;
    private final String jvmArgs;
    /**
     * Every other CITADEL_ variable of the launcher's environment, passed on to the application (e.g. the
     * alert webhook or a rule threshold), so the local stack can run any configuration the README lists.
     */
    private final Map<String, String> applicationOverrides;
    private static final String EMPTY_CLUSTER = "restore-drill";
    /** What the launcher reads itself; every other CITADEL_ variable is the application's. */
    static final Set<String> LAUNCHER_SETTINGS = Set.of("CITADEL_HOME",
            "CITADEL_PORT_BASE", "CITADEL_WAR", "CITADEL_MIGRATIONS", "CITADEL_JVM_ARGS", "CITADEL_NO_BUILD");

    LocalStack(Path repository, Map<String, String> environment) {
        this.repository = repository;
        String homeSetting = environment.getOrDefault("CITADEL_HOME", repository.resolve(".citadel").toString());
        this.home = StackHome.at(Path.of(homeSetting));
        this.ports = StackPorts.fromEnvironment(environment.get("CITADEL_PORT_BASE"));
        this.war = Path.of(environment.getOrDefault("CITADEL_WAR",
                repository.resolve("modules/app/target/citadel.war").toString()));
        this.migrations = Path.of(environment.getOrDefault("CITADEL_MIGRATIONS",
                repository.resolve("db/migrations").toString()));
        this.jvmArgs = environment.getOrDefault("CITADEL_JVM_ARGS", "");
        this.applicationOverrides = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("CITADEL_") && !LAUNCHER_SETTINGS.contains(name)) {
                applicationOverrides.put(name, value);
            }
        });
    }

    void up(PrintStream out) {
        long began = System.nanoTime();
        home.create();
        StackDescriptor.checkReadable(home);
        StackSecrets secrets = StackSecrets.loadOrCreate(home.secrets());
        StackKeysets.ensure(home);
        new StackCertificates(home).ensure();
        PostgresRegion regionA = region("a", secrets);
        PostgresRegion regionB = region("b", secrets);
        regionA.checkData();
        regionB.checkData();
        KeycloakServer keycloak = new KeycloakServer(home, ports, secrets);
        LibertyServer liberty = new LibertyServer(home, ports, secrets);
        preflight(regionA, regionB, keycloak, liberty);
        if (!Files.isRegularFile(war)) {
            throw new StackException("the WAR " + war + " is missing; build it with ./mvnw -DskipTests package");
        }
        RuntimeArtifacts artifacts = RuntimeArtifacts.load();

        Deque<Runnable> startedNow = new ArrayDeque<>();
        String writerId;
        StackDescriptor.Startup startup;
        try {
            keycloak.install(artifacts.keycloakZip());
            if (!keycloak.running()) {
                out.println("Starting Keycloak ...");
                keycloak.start(LocalRealm.compose(repository.resolve("infra/keycloak/citadel-realm.json"),
                        realmOverlay(), KeycloakServer.realmValues(secrets, ports.app())), jvmArgs);
                startedNow.push(keycloak::stop);
            }
            PostgresRegion.install(home, RuntimeArtifacts.postgresVersion());
            for (PostgresRegion region : List.of(regionA, regionB)) {
                if (!region.running()) {
                    out.println("Starting " + region.name() + " ...");
                    region.start();
                    startedNow.push(region::stop);
                }
                region.bootstrap();
            }
            PostgresRegion writer = RegionReplication.writer(regionA, regionB).equals(regionA.id()) ? regionA : regionB;
            PostgresRegion standby = writer == regionA ? regionB : regionA;
            writerId = writer.id();
            RegionReplication.upgrade(writer, standby, "filesystem:" + migrations, secrets);
            for (PostgresRegion region : List.of(standby, writer)) {
                RegionTopology.record(region);
            }
            RegionReplication.establish(writer, standby, secrets, out);
            liberty.install(artifacts.libertyZip());
            long libertyBegan = 0;
            if (!liberty.running()) {
                out.println("Starting Liberty ...");
                liberty.configure(repository.resolve("liberty-config"), war, artifacts.jdbcDriver(),
                        applicationSettings(regionA, regionB, keycloak, secrets), jvmArgs);
                libertyBegan = System.nanoTime();
                liberty.start();
                startedNow.push(liberty::stop);
            }
            keycloak.awaitReady();
            liberty.awaitReady();
            long ready = System.nanoTime();
            startup = new StackDescriptor.Startup(Duration.ofNanos(ready - began),
                    libertyBegan == 0 ? null : Duration.ofNanos(ready - libertyBegan));
            StackDescriptor.write(home, liberty, keycloak, List.of(regionA, regionB), writerId, secrets, startup);
        } catch (RuntimeException e) {
            startedNow.forEach(LocalStack::stopQuietly);
            throw e;
        }
        printSummary(out, liberty, keycloak, List.of(regionA, regionB), writerId, secrets, startup);
    }

    /** {@code up}, then Prometheus and Alertmanager beside it where they are installed, with their addresses. */
    void upWithMonitoring(PrintStream out) {
        up(out);
        LibertyServer liberty = new LibertyServer(home, ports, null);
        out.println();
        out.println("Monitoring (infra/observability; bin/citadel down stops it too):");
        new LocalMonitoring(repository, home, ports).up(liberty.certificate(), ports.management(), out);
    }

    /** Stops Liberty and brings the stack up again: deploys a rebuilt WAR, or the one {@code CITADEL_WAR} names. */
    void restartApplication(PrintStream out) {
        new LibertyServer(home, ports, null).stop();
        up(out);
    }

    /**
     * Starts a PostgreSQL cluster with nothing in it but the DBA login, for a restore drill: {@code bin/citadel dr
     * restore} creates the roles and the database there itself. {@code down} stops it with the rest.
     */
    void emptyCluster(PrintStream out) {
        home.create();
        StackSecrets secrets = StackSecrets.loadOrCreate(home.secrets());
        new StackCertificates(home).ensure();
        PostgresRegion cluster = new PostgresRegion(EMPTY_CLUSTER, ports.emptyCluster(), home,
                RuntimeArtifacts.postgresVersion(), secrets, false);
        cluster.checkData();
        if (!cluster.running()) {
            StackPorts.requireFree(ports.emptyCluster(), "the empty cluster");
            PostgresRegion.install(home, RuntimeArtifacts.postgresVersion());
            cluster.start();
        }
        out.println("An empty PostgreSQL cluster for restore drills: " + cluster.jdbcUrl() + " (the DBA login of "
                + "stack.json; bin/citadel down stops it)");
    }

    void down(PrintStream out) {
        PostgresRegion regionA = region("a", null);
        PostgresRegion regionB = region("b", null);
        new PostgresRegion(EMPTY_CLUSTER, ports.emptyCluster(), home, RuntimeArtifacts.postgresVersion(), null, false)
                .stop();
        KeycloakServer keycloak = new KeycloakServer(home, ports, null);
        LibertyServer liberty = new LibertyServer(home, ports, null);
        LocalMonitoring monitoring = new LocalMonitoring(repository, home, ports);
        monitoring.down();
        liberty.stop();
        keycloak.stop();
        regionB.stop();
        regionA.stop();
        List<String> survivors = new ArrayList<>();
        if (liberty.running()) {
            survivors.add("Liberty");
        }
        if (keycloak.running()) {
            survivors.add("Keycloak");
        }
        for (PostgresRegion region : List.of(regionA, regionB)) {
            if (region.running()) {
                survivors.add(region.name());
            }
        }
        monitoring.running().forEach(server -> survivors.add(server.name()));
        if (!survivors.isEmpty()) {
            throw new StackException("still running after down: " + String.join(", ", survivors));
        }
        out.println("Citadel is down. Data is kept in " + home.root());
    }

    /** What runs, read from the pid files alone: it creates nothing, so a missing home stays missing. */
    StackStatus status() {
        KeycloakServer keycloak = new KeycloakServer(home, ports, null);
        LibertyServer liberty = new LibertyServer(home, ports, null);
        List<StackStatus.Part> parts = new ArrayList<>();
        for (PostgresRegion region : List.of(region("a", null), region("b", null))) {
            parts.add(new StackStatus.Part(region.name(), region.pid(), region.jdbcUrl(), Map.of(), false));
        }
        parts.add(new StackStatus.Part("Keycloak", keycloak.pid(), keycloak.url(), Map.of("issuer", keycloak.issuer()),
                false));
        parts.add(new StackStatus.Part("Liberty", liberty.pid(), liberty.url(),
                Map.of("managementUrl", liberty.managementUrl()), false));
        // optional: shown when it runs, and never makes the stack count as stopped
        parts.addAll(new LocalMonitoring(repository, home, ports).running());
        return new StackStatus(home.root(), parts);
    }

    /** The local stack's additions to the production realm: the demo users and the scripts' client. */
    private Path realmOverlay() {
        return repository.resolve("infra/keycloak/local-overlay.json");
    }

    private void preflight(PostgresRegion regionA, PostgresRegion regionB, KeycloakServer keycloak, LibertyServer liberty) {
        if (!regionA.running()) {
            StackPorts.requireFree(ports.regionA(), regionA.name());
        }
        if (!regionB.running()) {
            StackPorts.requireFree(ports.regionB(), regionB.name());
        }
        if (!keycloak.running()) {
            StackPorts.requireFree(ports.keycloak(), "Keycloak");
            StackPorts.requireFree(ports.keycloakManagement(), "Keycloak management");
        }
        if (!liberty.running()) {
            StackPorts.requireFree(ports.app(), "Liberty HTTPS");
            StackPorts.requireFree(ports.management(), "Liberty management");
        }
    }

    private Map<String, String> applicationSettings(PostgresRegion regionA, PostgresRegion regionB,
                                                           KeycloakServer keycloak, StackSecrets secrets) {
        Map<String, String> settings = new LinkedHashMap<>();
        // both regions; the driver picks the one that takes writes (the standby is read-only for the app).
        // autosave=conservative: a migration that adds a column changes the result of a prepared statement the
        // pool already holds; the driver then retries it once instead of failing the request's transaction
        settings.put("CITADEL_DB_URL", "jdbc:postgresql://127.0.0.1:" + regionA.port() + ",127.0.0.1:" + regionB.port()
                + "/" + PostgresRegion.DATABASE + "?targetServerType=primary&hostRecheckSeconds=1&autosave=conservative&"
                + PostgresRegion.clientTls(new StackCertificates(home)));
        settings.put("CITADEL_DB_USER", PostgresRegion.APP);
        settings.put("CITADEL_DB_PASSWORD", secrets.get(StackSecrets.APP_PASSWORD));
        settings.put("CITADEL_DB_OWNER_USER", PostgresRegion.OWNER);
        settings.put("CITADEL_DB_OWNER_PASSWORD", secrets.get(StackSecrets.OWNER_PASSWORD));
        settings.put("CITADEL_AUDIT_SIGNING_KEYSET", StackKeysets.auditSigning(home).toString());
        settings.put("CITADEL_AUDIT_WITNESS_FILE", home.auditWitness().toString());
        settings.put("CITADEL_RECORDS_KEK_KEYSET", StackKeysets.recordsKeyEncryption(home).toString());
        settings.put("CITADEL_RECORDS_BLIND_INDEX_KEYSET", StackKeysets.recordsBlindIndex(home).toString());
        // synthetic patients for the demo; the first is the demo patient login's own chart
        settings.put("CITADEL_RECORDS_DEMO_PATIENTS", "25");
        settings.put("CITADEL_RECORDS_DEMO_PATIENT_ID", secrets.get(StackSecrets.DEMO_PATIENT_ID));
        // the DR status reads both regions directly, as a login that sees statistics and the heartbeat only
        settings.put("CITADEL_DR_REGIONS", "a,b");
        settings.put("CITADEL_DR_REGION_A_URL", regionA.jdbcUrl());
        settings.put("CITADEL_DR_REGION_B_URL", regionB.jdbcUrl());
        settings.put("CITADEL_DR_MONITOR_USER", PostgresRegion.MONITOR);
        settings.put("CITADEL_DR_MONITOR_PASSWORD", secrets.get(StackSecrets.MONITOR_PASSWORD));
        // the DBA console's DR operations: a DR role without superuser (bin/citadel dr keeps the DBA login), and the
        // replication login and journal bin/citadel dr reads from stack.json
        settings.put("CITADEL_DR_USER", PostgresRegion.DR_OPERATOR);
        settings.put("CITADEL_DR_PASSWORD", secrets.get(StackSecrets.DR_OPERATOR_PASSWORD));
        settings.put("CITADEL_DR_REPLICATOR_USER", PostgresRegion.REPLICATOR);
        settings.put("CITADEL_DR_REPLICATOR_PASSWORD", secrets.get(StackSecrets.REPLICATOR_PASSWORD));
        settings.put("CITADEL_DR_APP_LOGIN", PostgresRegion.APP);
        settings.put("CITADEL_DR_OWNER_LOGIN", PostgresRegion.OWNER);
        settings.put("CITADEL_DR_JOURNAL", home.drJournal().toString());
        settings.put("CITADEL_JWT_ISSUER", keycloak.issuer());
        settings.put("CITADEL_JWT_JWKS_URI", keycloak.issuer() + "/protocol/openid-connect/certs");
        // the portal signs browsers in as Keycloak's confidential client citadel-portal, which redirects back here
        settings.put("CITADEL_PORTAL_URL", "https://localhost:" + ports.app() + "/portal");
        settings.put("CITADEL_PORTAL_CLIENT_SECRET", secrets.get(StackSecrets.PORTAL_CLIENT_SECRET));
        settings.put("CITADEL_IDENTITY_ACCESS_REVIEW_CLIENT_SECRET", secrets.get(StackSecrets.ACCESS_REVIEW_CLIENT_SECRET));
        // used once CITADEL_AUDIT_ALERT_WEBHOOK_URL names a receiver; it verifies with the same secrets.properties value
        settings.put("CITADEL_AUDIT_ALERT_WEBHOOK_SECRET", secrets.get(StackSecrets.ALERT_WEBHOOK_SECRET));
        settings.putAll(applicationOverrides);
        return settings;
    }

    private PostgresRegion region(String name, StackSecrets secrets) {
        return new PostgresRegion(name, "a".equals(name) ? ports.regionA() : ports.regionB(), home,
                RuntimeArtifacts.postgresVersion(), secrets, true);
    }

    private void printSummary(PrintStream out, LibertyServer liberty, KeycloakServer keycloak,
                              List<PostgresRegion> regions, String writerId, StackSecrets secrets,
                              StackDescriptor.Startup startup) {
        out.println();
        out.printf(Locale.ROOT, "Citadel is up, ready %.1f s after this command began%s.%n",
                startup.ready().toMillis() / 1000.0, startup.libertyStart() == null ? ""
                        : String.format(Locale.ROOT, "; Liberty started in %.1f s",
                        startup.libertyStart().toMillis() / 1000.0));
        out.printf("  App (HTTPS)   %s   certificate: %s%n", liberty.url(), liberty.certificate());
        List<DemoUser> demoUsers = LocalRealm.demoUsers(realmOverlay());
        out.printf("  Portal        %s/portal/%s%n", liberty.url(), demoUsers.isEmpty() ? ""
                : "   sign in with a demo login below");
        out.printf("  Readiness     %s/health/ready   (the management listener)%n", liberty.managementUrl());
        out.printf("  OpenAPI       %s/openapi%n", liberty.managementUrl());
        out.printf("  Metrics       %s/metrics%n", liberty.managementUrl());
        out.printf("  Keycloak      %s/admin/  realm %s, admin user %s%n", keycloak.url(), KeycloakServer.REALM,
                KeycloakServer.ADMIN_USER);
        for (PostgresRegion region : regions) {
            out.printf("  Region %s      %s   %s%n", region.id().toUpperCase(Locale.ROOT), region.jdbcUrl(),
                    region.id().equals(writerId) ? "writer" : "standby (fenced)");
        }
        out.println("  Replication   bin/citadel dr status");
        printDemoLogins(out, demoUsers, secrets, home);
        out.println();
        out.println("Details: " + home.stackJson() + "; logs: " + home.logs());
    }

    /**
     * The demo users' passwords, and where they are kept; only for the local demo realm, the one whose overlay adds
     * them: no other realm has these users, so printing their passwords would say nothing true.
     */
    static void printDemoLogins(PrintStream out, List<DemoUser> demoUsers, StackSecrets secrets, StackHome home) {
        if (demoUsers.isEmpty()) {
            return;
        }
        out.println();
        out.println("Demo logins of the local demo realm (staff also need the TOTP code of their secret):");
        for (DemoUser user : demoUsers) {
            out.printf("  %-12s %-11s %s%n", user.username, user.role, secrets.password(user));
        }
        out.println("Their passwords and TOTP secrets are kept in " + home.demoLogins() + " (and "
                + home.secrets() + ").");
    }

    private static void stopQuietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException ignored) {
            // we are already reporting the failure that made us stop
        }
    }
}
