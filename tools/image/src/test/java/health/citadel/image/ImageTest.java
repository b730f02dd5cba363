package health.citadel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image tarball the build made (profile image): its configuration and layers against {@link ImageRules}, and a
 * run of it where this machine can: under podman on the loopback address, and (as root) the image's own Java runtime and
 * Liberty launcher in a chroot of its layers. Runs in the verify phase, after Jib's package-phase build.
 */
class ImageTest {

    private static final Path TARBALL = Path.of(System.getProperty("citadel.image.tar", "target/citadel-image.tar"));
    private static final Path WORK = Path.of(System.getProperty("citadel.image.work", "target/image"));
    private static final String CACERTS = "usr/lib/jvm/java-17-openjdk-amd64/lib/security/cacerts";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OciImage image;

    @BeforeAll
    static void read() throws IOException {
        assumeTrue(Boolean.getBoolean("citadel.image.built") && Files.isRegularFile(TARBALL), "no image built in this run: it is built "
                + "with -Pimage (.ci/run turns the profile on); without it only the Containerfile and the rules are checked");
        image = OciImage.read(TARBALL, List.of(CACERTS, "etc/passwd"));
    }

    @Test
    void keepsEveryRule() {
        assertEquals(List.of(), ImageRules.violations(image));
    }

    @Test
    void runsAsTheUserOfOpenLibertysImages() {
        assertEquals("1001", image.config().path("User").asText());
        String passwd = new String(image.contents().get("etc/passwd"), StandardCharsets.UTF_8);
        assertTrue(passwd.contains(":1001:0:"), passwd);
        assertEquals(0777, image.entry("tmp").orElseThrow().mode(), "/tmp is where the server writes");
    }

    @Test
    void labelsNameThisBuild() {
        JsonNode labels = image.config().path("Labels");
        assertEquals(System.getProperty("citadel.version"), labels.path("org.opencontainers.image.version").asText());
        assertEquals(System.getProperty("citadel.revision"), labels.path("org.opencontainers.image.revision").asText());
    }

    @Test
    void layersGoFromTheRuntimeToTheWar() {
        List<OciImage.Layer> layers = image.layers();
        OciImage.Layer last = layers.get(layers.size() - 1);
        assertTrue(last.entries().stream().anyMatch(e -> e.path().endsWith("apps/citadel.war")), "the WAR, the most often changed, is the top layer");
        assertTrue(last.entries().stream().allMatch(e -> e.directory() || e.path().endsWith("apps/citadel.war")), "and it holds nothing else");
        assertTrue(layers.stream().anyMatch(l -> l.entries().stream().anyMatch(e -> e.path().equals(CACERTS))));
    }

    @Test
    void theTrustStoreHoldsTheMozillaRoots() throws Exception {
        KeyStore cacerts = KeyStore.getInstance("PKCS12");
        cacerts.load(new ByteArrayInputStream(image.contents().get(CACERTS)), "changeit".toCharArray());
        assertTrue(cacerts.size() > 100, "roots: " + cacerts.size());
        assertTrue(cacerts.isCertificateEntry(cacerts.aliases().nextElement()));
    }

    @Test
    void theDebianSbomNamesTheRuntimeLayersPackages() throws IOException {
        JsonNode debian = JSON.readTree(WORK.resolve("base/bom-debian.json").toFile());
        List<String> packages = new ArrayList<>();
        debian.path("components").forEach(c -> packages.add(c.path("name").asText()));
        assertTrue(packages.containsAll(List.of("openjdk-17-jre-headless", "libc6", "zlib1g", "ca-certificates")), packages.toString());
        debian.path("components").forEach(c -> assertTrue(c.path("purl").asText().startsWith("pkg:deb/debian/"), c.toString()));
    }

    @Test
    void theMavenSbomNamesTheWarLibertyAndTheDriver() throws IOException {
        Path bom = TARBALL.resolveSibling("bom.json");
        assumeTrue(Files.isRegularFile(bom), "no " + bom + ": CycloneDX's goal requires Maven online, so an offline build (-o) skips it");
        JsonNode maven = JSON.readTree(bom.toFile());
        List<String> components = new ArrayList<>();
        maven.path("components").forEach(c -> components.add(c.path("name").asText()));
        assertTrue(components.containsAll(List.of("citadel-app", "openliberty-runtime", "postgresql")), components.toString());
    }

    @Test
    void runsUnderPodman() throws Exception {
        Podman podman = podman();
        Path keys = Files.createDirectories(WORK.resolveSibling("image-test-tls"));
        Path keystore = keys.resolve("keystore.p12");
        Files.deleteIfExists(keystore);
        String password = "throwaway-" + System.nanoTime();
        run(60, List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "default",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-validity", "1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password));
        assertTrue(keystore.toFile().setReadable(true, false));
        int port;
        int management;
        try (ServerSocket free = new ServerSocket(0); ServerSocket other = new ServerSocket(0)) {
            port = free.getLocalPort();
            management = other.getLocalPort();
        }
        String name = "citadel-image-test-" + ProcessHandle.current().pid();
        // the root read-only, as in production; the server listens on the loopback address only
        run(60, podman.run("-d", "--name", name, "--read-only", "--network=host",
                "-v", keys.toAbsolutePath() + ":/etc/citadel/tls:ro", "-e", "CITADEL_TLS_KEYSTORE_PASSWORD=" + password,
                "-e", "CITADEL_BIND_HOST=127.0.0.1", "-e", "CITADEL_HTTPS_PORT=" + port,
                "-e", "CITADEL_MANAGEMENT_PORT=" + management, "localhost/" + reference()));
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
            // readiness is on the management listener only
            HttpRequest ready = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + management + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            Integer status = null;
            while (status == null && Instant.now().isBefore(deadline)) {
                try {
                    status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(1000);
                }
            }
            // no database here: the application does not start, so readiness says 503; against the local stack's
            // PostgreSQL and Keycloak it would be 200
            assertTrue(status != null && (status == 503 || status == 200), "readiness over HTTPS answered " + status);
            // the public listener is up but serves no /health: 403 from the application, 404 while it is not started
            int publicly = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(publicly == 403 || publicly == 404, "the public listener answered /health/ready with " + publicly);
            String logs = run(30, concat(podman.command(), "logs", name));
            assertTrue(logs.contains("CWWKE0001I") && !logs.contains("Read-only file system"),
                    "Liberty launched and wrote only where it may:\n" + logs);
        } finally {
            run(60, concat(podman.command(), "rm", "-f", name));
            try {
                run(60, concat(podman.command(), "rmi", "localhost/" + reference()));
            } catch (IllegalStateException stillUsed) {
                // a loaded image left behind costs disk only; the test's outcome stands
            }
        }
    }

    @Test
    void theImagesRuntimeStartsTheLauncherInAChroot() throws Exception {
        assumeTrue(isRoot() && onPath("chroot") && onPath("unshare") && onPath("tar"),
                "chroot needs root and util-linux: not here, so the image's runtime is checked only by its files");
        Path root = WORK.resolveSibling("image-rootfs");
        run(60, List.of("rm", "-rf", root.toString()));
        Path blobs = Files.createDirectories(root.resolveSibling("image-blobs"));
        run(120, List.of("tar", "-xf", TARBALL.toString(), "-C", blobs.toString()));
        Files.createDirectories(root);
        for (OciImage.Layer layer : image.layers()) {
            run(120, List.of("tar", "-xzf", blobs.resolve("blobs/sha256/" + layer.digest().substring("sha256:".length())).toString(),
                    "-C", root.toString()));
        }
        run(60, List.of("rm", "-rf", blobs.toString()));
        Files.createDirectories(root.resolve("proc"));
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--mount-proc=" + root.resolve("proc"),
                "chroot", "--userspec=" + image.config().path("User").asText() + ":0", root.toString()));
        image.config().path("Entrypoint").forEach(a -> command.add(a.asText()));
        command.set(command.size() - 1, "--version"); // the launcher, not the server: it needs no database
        String out = run(120, command);
        assertTrue(out.contains("Open Liberty") && out.contains("OpenJDK"), out);
        run(60, List.of("rm", "-rf", root.toString()));
    }

    /** How podman is called here: the command and its runtime, and the options "run" needs. */
    private record Podman(List<String> command, List<String> runOptions) {

        List<String> run(String... args) {
            List<String> all = new ArrayList<>(command);
            all.add("run");
            all.addAll(runOptions);
            all.addAll(List.of(args));
            return all;
        }
    }

    /** podman, with the runtime and limits that work here, or an aborted test that says why not. */
    private static Podman podman() throws Exception {
        assumeTrue(onPath("podman"), "podman is not installed (apt-get install podman runc): the image is checked by its configuration "
                + "and layers, and its runtime in a chroot");
        run(300, List.of("podman", "load", "-q", "-i", TARBALL.toString()));
        // this sandbox's cgroups are hybrid, which Debian 12's crun refuses, and it may not raise limits: runc and
        // lower ulimits work there; an ordinary machine takes the first form
        List<String> errors = new ArrayList<>();
        for (List<String> command : List.of(List.of("podman"), List.of("podman", "--runtime", "runc"))) {
            for (List<String> limits : List.of(List.<String>of(), List.of("--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"))) {
                Podman podman = new Podman(command, limits);
                try {
                    run(120, podman.run("--rm", "--read-only", "--network=none", "--entrypoint",
                            image.config().path("Entrypoint").get(0).asText(), "localhost/" + reference(), "-version"));
                    return podman;
                } catch (IllegalStateException failed) {
                    errors.add(failed.getMessage());
                }
            }
        }
        try {
            run(60, List.of("podman", "rmi", "localhost/" + reference()));
        } catch (IllegalStateException notLoaded) {
            // nothing to take back
        }
        abort("podman cannot run a container on this machine: " + errors);
        throw new AssertionError("unreachable");
    }

    private static String reference() {
        return image == null ? "" : "citadel:" + System.getProperty("citadel.version");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static boolean isRoot() throws Exception {
        try {
            return run(10, List.of("id", "-u")).strip().equals("0");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command; its output (both streams); an IllegalStateException when it fails or takes too long. */
    private static String run(int seconds, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5000);
            throw new IllegalStateException(command.get(0) + " took over " + seconds + " s: " + command);
        }
        reader.join(5000);
        String out = output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + out.strip());
        }
        return out;
    }
}
