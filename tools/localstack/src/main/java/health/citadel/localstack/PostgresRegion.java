package health.citadel.localstack;

import health.citadel.platform.jdbc.Statements;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One region's PostgreSQL cluster, run from the zonky binaries that Maven Central ships. Data lives under
 * {@code $CITADEL_HOME/postgres/<region>}, so it survives {@code down} and {@code up}.
 */
final class PostgresRegion {

    static final String DATABASE = "citadel";
    static final String DBA = "citadel_dba";
    static final String OWNER = "citadel_owner";
    static final String APP = "citadel_app";
    static final String REPLICATOR = "citadel_replicator";
    /** Reads replication statistics and the heartbeat for the application's DR status; no chart, no audit. */
    static final String MONITOR = "citadel_monitor";
    static final String DR_OPERATOR = "citadel_dr";

    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(60);
    private static final String TLS_SETTINGS = "citadel-tls.conf";
    private static final String ARCHIVE_SETTINGS = "citadel-archive.conf";

    private final String region;
    private final int port;
    private final Path data;
    private final Path binaries;
    private final Path log;
    /** Where the cluster archives its WAL; null for a cluster that keeps no history (the restore drills' one) */
    private final Path walArchive;
    private final StackSecrets secrets;
    private final StackCertificates certificates;

    /**
     * @param secrets     null where the region is only looked at or stopped
     * @param archivesWal whether it archives its WAL, as the pair's regions do, so a moment can be restored
     */
    PostgresRegion(String region, int port, StackHome home, String version, StackSecrets secrets,
                   boolean archivesWal) {
        this.region = region;
        this.port = port;
        this.data = home.postgresData(region);
        this.walArchive = archivesWal ? home.walArchive(region) : null;
        this.binaries = binaries(home, version);
        this.log = home.logs().resolve("postgres-" + region + ".log");
        this.secrets = secrets;
        this.certificates = new StackCertificates(home);
    }

    private static Path binaries(StackHome home, String version) {
        return home.runtime().resolve("postgres-" + version);
    }

    /** Unpacks the binaries once per stack home; both regions share them. */
    static void install(StackHome home, String version) {
        Path target = binaries(home, version);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return;
        }
        try (InputStream txz = PostgresRegion.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (txz == null) {
                throw new StackException("the PostgreSQL binaries are not on the launcher's class path; rebuild it");
            }
            Archives.untarXz(txz, target);
        } catch (IOException e) {
            throw new StackException("cannot read the PostgreSQL binaries: " + e.getMessage(), e);
        }
    }

    /** The region's short name, as the topology records it: {@code a} or {@code b}. */
    String id() {
        return region;
    }

    String name() {
        return "PostgreSQL region " + region.toUpperCase(Locale.ROOT);
    }

    int port() {
        return port;
    }

    /** @return where its WAL is archived; null where it is not */
    Path walArchive() {
        return walArchive;
    }

    /** PostgreSQL's programs, which a point-in-time restore starts the recovered cluster with. */
    Path binaries() {
        return binaries.resolve("bin");
    }

    String jdbcUrl() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?" + clientTls(certificates);
    }

    /**
     * What every client adds to its JDBC URL: TLS, with the server's certificate checked against the stack's
     * authority and its name against the host's ({@code verify-full}). The subscriptions take the same from it.
     */
    static String clientTls(StackCertificates certificates) {
        return "sslmode=verify-full&sslrootcert="
                + URLEncoder.encode(certificates.authority().toString(), StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** Checks that an existing data folder is a cluster, so a damaged one is reported, not overwritten. */
    void checkData() {
        if (Files.exists(data) && !Files.isRegularFile(data.resolve("PG_VERSION"))) {
            throw new StackException(StackHome.corrupt(data, "is not a PostgreSQL data folder (no PG_VERSION)"));
        }
    }

    OptionalLong pid() {
        return PidFile.read(data.resolve("postmaster.pid"));
    }

    boolean running() {
        return pid().isPresent();
    }

    void start() {
        if (!Files.exists(data)) {
            initialize();
        }
        secureConnections();
        archiveWal();
        Commands.run(Commands.asUnprivileged(List.of(bin("pg_ctl"), "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", String.valueOf(PG_CTL_TIMEOUT.toSeconds()), "-o", "-p " + port, "start")),
                Map.of(), log, PG_CTL_TIMEOUT.plusSeconds(5), "starting " + name());
    }

    void stop() {
        if (running()) {
            Commands.run(Commands.asUnprivileged(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w",
                    "-t", String.valueOf(PG_CTL_TIMEOUT.toSeconds()), "stop")),
                    Map.of(), log, PG_CTL_TIMEOUT.plusSeconds(5), "stopping " + name());
        }
    }

    private void initialize() {
        Path passwordFile = data.resolveSibling(region + ".initdb-password");
        StackHome.writeSecretFile(passwordFile, secrets.get(StackSecrets.DBA_PASSWORD));
        try {
            Commands.run(Commands.asUnprivileged(List.of(bin("initdb"), "-D", data.toString(), "-U", DBA,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C")),
                    Map.of(), log, Duration.ofMinutes(2), "initialising " + name());
            Files.writeString(data.resolve("postgresql.conf"), """

                    # Citadel local stack
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = ''
                    wal_level = logical
                    max_wal_senders = 10
                    max_replication_slots = 10
                    max_logical_replication_workers = 8
                    # a dead standby may not fill the writer's disk: past this, its slot is lost and it is re-seeded
                    max_slot_wal_keep_size = '2GB'
                    password_encryption = 'scram-sha-256'
                    # statements may quote patient data: never log them
                    log_statement = 'none'
                    log_min_error_statement = 'panic'
                    include_if_exists = '%s'
                    """.formatted(TLS_SETTINGS), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StackException("cannot configure " + name() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException ignored) {
                // the folder is private to the owner; a leftover file is removed on the next start
            }
        }
    }

    /**
     * TLS 1.3 with the stack's server certificate, and a {@code pg_hba.conf} that admits no connection in clear:
     * rewritten at every start, so that a cluster made before it, or a stack home that moved, keeps up.
     */
    private void secureConnections() {
        try {
            Files.writeString(data.resolve(TLS_SETTINGS), """
                    # Written by bin/citadel up at every start
                    ssl = on
                    ssl_cert_file = '%s'
                    ssl_key_file = '%s'
                    ssl_min_protocol_version = 'TLSv1.3'
                    """.formatted(settingValue(certificates.certificate(StackCertificates.POSTGRES)),
                    settingValue(certificates.key(StackCertificates.POSTGRES))));
            Path settings = data.resolve("postgresql.conf");
            if (!Files.readString(settings).contains(TLS_SETTINGS)) {
                Files.writeString(settings, "\ninclude_if_exists = '" + TLS_SETTINGS + "'\n", StandardOpenOption.APPEND);
            }
            Files.writeString(data.resolve("pg_hba.conf"), """
                    # Written by bin/citadel up at every start: TLS only (hostssl), SCRAM passwords, loopback only
                    hostssl all all 127.0.0.1/32 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new StackException("cannot configure TLS for " + name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Archiving of every finished WAL segment into the region's archive (written at every start, so a cluster made
     * before it keeps up), from which {@code bin/citadel dr restore --to} replays up to a moment. A segment is
     * closed within {@code archive_timeout} even when little is written, which bounds what a lost disk loses.
     */
    private void archiveWal() {
        String settings = "# Written by bin/citadel up at every start\n";
        if (walArchive != null) {
            if (walArchive.toString().contains("'")) {
                throw new StackException("the stack's home may not contain a quote: PostgreSQL's archive command "
                        + "names it");
            }
            StackHome.ownerOnlyDirectory(walArchive);
            String archived = walArchive.toAbsolutePath() + "/%f";
            settings += """
                    archive_mode = on
                    archive_command = 'test ! -f ''%s'' && cp ''%%p'' ''%s'''
                    archive_timeout = 300
                    """.formatted(archived, archived);
        }
        try {
            Files.writeString(data.resolve(ARCHIVE_SETTINGS), settings);
            Path configuration = data.resolve("postgresql.conf");
            if (!Files.readString(configuration).contains(ARCHIVE_SETTINGS)) {
                Files.writeString(configuration, "\ninclude_if_exists = '" + ARCHIVE_SETTINGS + "'\n",
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new StackException("cannot configure WAL archiving for " + name() + ": " + e.getMessage(), e);
        }
    }

    private static String settingValue(Path file) {
        return file.toString().replace("'", "''");
    }

    /** Creates the roles and the database once; safe to repeat. */
    void bootstrap() {
        try (Connection dba = connectAsDba("postgres")) {
            ensureRole(dba, OWNER, secrets.get(StackSecrets.OWNER_PASSWORD), "LOGIN");
            ensureRole(dba, APP, secrets.get(StackSecrets.APP_PASSWORD), "LOGIN");
            ensureRole(dba, REPLICATOR, secrets.get(StackSecrets.REPLICATOR_PASSWORD), "LOGIN REPLICATION");
            ensureRole(dba, MONITOR, secrets.get(StackSecrets.MONITOR_PASSWORD), "LOGIN IN ROLE pg_monitor");
            // the DBA console's DR operations: no superuser, so that the application server cannot run programs
            // on the database host; see the README's "DR operations role"
            ensureRole(dba, DR_OPERATOR, secrets.get(StackSecrets.DR_OPERATOR_PASSWORD),
                    "LOGIN CREATEROLE REPLICATION IN ROLE pg_signal_backend, pg_create_subscription, pg_monitor");
            Statements.execute(dba, "GRANT %I, %I TO %I WITH ADMIN OPTION", OWNER, APP, DR_OPERATOR);
            Statements.execute(dba, "GRANT SET ON PARAMETER session_replication_role TO %I", DR_OPERATOR);
            if (!Statements.exists(dba, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                Statements.execute(dba, "CREATE DATABASE %I OWNER %I ENCODING 'UTF8'", DATABASE, OWNER);
            }
        } catch (SQLException e) {
            throw new StackException("cannot prepare " + name() + ": " + e.getMessage(), e);
        }
        try (Connection dba = connectAsDba(DATABASE)) {
            Statements.execute(dba, "REVOKE ALL ON DATABASE %I FROM PUBLIC", DATABASE);
            Statements.execute(dba, "GRANT CONNECT ON DATABASE %I TO %I, %I, %I", DATABASE, APP, REPLICATOR, MONITOR);
            Statements.execute(dba, "GRANT CONNECT, CREATE ON DATABASE %I TO %I", DATABASE, DR_OPERATOR);
            Statements.execute(dba, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new StackException("cannot prepare " + name() + ": " + e.getMessage(), e);
        }
    }

    Connection connectAsDba(String database) throws SQLException {
        return DriverManager.getConnection(url(database), DBA, secrets.get(StackSecrets.DBA_PASSWORD));
    }

    private static void ensureRole(Connection dba, String role, String password, String options) throws SQLException {
        if (!Statements.exists(dba, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            Statements.execute(dba, "CREATE ROLE %I " + options + " PASSWORD %L", role, password);
        }
    }

    private String bin(String tool) {
        return binaries.resolve("bin").resolve(tool).toString();
    }
}
