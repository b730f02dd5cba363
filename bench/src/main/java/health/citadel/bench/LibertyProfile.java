package health.citadel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of Liberty while production runs the whole workload mixed (apart from the measured phases, so
 * the recording's cost is in no ratio), read back into where its CPU samples fall: by the part of the stack that
 * every sample passes through (TLS, token checks, JSON, Hibernate, encryption, ...) and by the methods that were
 * running. Started and stopped with the JDK's {@code jcmd}, which attaches to Liberty's JVM by its process id.
 */
final class LibertyProfile implements AutoCloseable {

    /** A part of the stack, named as the README's Performance section names it, by the packages it runs in. */
    record Part(String name, List<String> packages) {

        boolean runsIn(String frameType) {
            return packages.stream().anyMatch(frameType::startsWith);
        }
    }

    static final List<Part> PARTS = List.of(
            new Part("TLS", List.of("sun.security.ssl.", "sun.security.ec.", "com.ibm.ws.channel.ssl.")),
            new Part("token check (mpJwt)", List.of("com.ibm.ws.security.mp.jwt.", "com.ibm.ws.security.jwt.",
                    "org.jose4j.")),
            new Part("JSON", List.of("org.eclipse.parsson.", "org.eclipse.yasson.", "com.fasterxml.jackson.")),
            new Part("Hibernate and Envers", List.of("org.hibernate.")),
            new Part("JDBC and pool", List.of("org.postgresql.", "com.ibm.ws.rsadapter.", "com.ibm.ejs.j2c.")),
            new Part("transactions (JTA)", List.of("com.ibm.tx.", "com.ibm.ws.tx.")),
            new Part("field encryption (Tink)", List.of("com.google.crypto.tink.")),
            new Part("audit", List.of("health.citadel.audit.")),
            new Part("page rendering (Thymeleaf)", List.of("org.thymeleaf.")),
            new Part("JAX-RS (RESTEasy)", List.of("org.jboss.resteasy.")),
            new Part("CDI (Weld)", List.of("org.jboss.weld.")),
            new Part("logging and access log", List.of("com.ibm.ws.logging.", "com.ibm.ws.http.logging.",
                    "java.util.logging.")),
            new Part("HTTP/2 and channels", List.of("com.ibm.ws.http.", "com.ibm.ws.http2.", "com.ibm.ws.tcpchannel.",
                    "com.ibm.io.async.")));

    /** One line of a table: a name and its share of the samples. */
    record Share(String name, long samples, double percent) {
    }

    /** What the recording showed: how many samples, the parts by inclusive share, the busiest methods. */
    record Summary(long samples, List<Share> parts, List<Share> methods) {
    }

    private static final String RECORDING = "citadel-bench";
    private static final int METHODS_SHOWN = 15;

    private final long pid;
    private final Path file;

    private LibertyProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts recording Liberty's JVM ({@code settings=profile}: a CPU sample every 10 ms per thread). */
    static LibertyProfile start(long pid, Path file) {
        try {
            // JFR takes a file in a missing folder at the start and fails only when it writes it, at the stop
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BenchFailure("cannot prepare " + file.getFileName() + " for Liberty's recording: " + e.getMessage(), e);
        }
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file);
        return new LibertyProfile(pid, file);
    }

    /** Stops the recording, which JFR then writes to its file. */
    @Override
    public void close() {
        String output = jcmd(pid, "JFR.stop", "name=" + RECORDING);
        if (!Files.isRegularFile(file)) {
            throw new BenchFailure("Liberty's recording was not written: " + output.strip());
        }
    }

    Summary summary() {
        try {
            return summarise(RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
                    .map(LibertyProfile::stack).filter(stack -> !stack.isEmpty()).toList());
        } catch (IOException e) {
            throw new BenchFailure("cannot read Liberty's recording " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** A sample's call stack, the running method first, each frame as {@code type.method}. */
    private static List<String> stack(RecordedEvent sample) {
        return sample.getStackTrace() == null ? List.of() : sample.getStackTrace().getFrames().stream()
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName()).toList();
    }

    /**
     * Counts each CPU sample (its call stack, the running method first) once for every part its stack passes
     * through, and once for its running method.
     */
    static Summary summarise(List<List<String>> samples) {
        Map<String, Long> byPart = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        for (List<String> frames : samples) {
            byMethod.merge(frames.get(0), 1L, Long::sum);
            Set<String> parts = new LinkedHashSet<>();
            for (String frame : frames) {
                PARTS.stream().filter(part -> part.runsIn(frame)).forEach(part -> parts.add(part.name()));
            }
            parts.forEach(part -> byPart.merge(part, 1L, Long::sum));
        }
        long count = samples.size();
        return new Summary(count, ranked(byPart, count, PARTS.size()), ranked(byMethod, count, METHODS_SHOWN));
    }

    private static List<Share> ranked(Map<String, Long> counts, long samples, int shown) {
        List<Share> shares = new ArrayList<>();
        counts.forEach((name, count) -> shares.add(new Share(name, count, samples == 0 ? 0 : 100.0 * count / samples)));
        shares.sort(Comparator.comparingLong(Share::samples).reversed().thenComparing(Share::name));
        return List.copyOf(shares.subList(0, Math.min(shown, shares.size())));
    }

    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)
                    || process.exitValue() != 0) {
                throw new BenchFailure("jcmd " + command[0] + " on Liberty failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new BenchFailure("cannot run jcmd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while running jcmd", e);
        }
    }
}
