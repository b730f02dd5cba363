package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Planned switchovers in a row, alternating, while clients register patients through the API: each
 * switchover's own report of how long writes were refused (fence to opening), and the longest time the clients
 * saw between two successful registrations around it, which also counts the application finding the new
 * writer. An even number of runs ends where it began.
 */
final class SwitchoverSeries {

    /** One switchover: the operation's window, the gap the clients saw, and each step as the report timed it. */
    record Run(String from, String to, double windowMillis, double clientGapMillis, List<Step> steps) {

        Run {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A step of the switchover, its regions named by their part and its epoch by none, so that runs in both
     * directions and at every epoch line up.
     */
    record Step(String name, double millis) {

        static Step reported(String step, String from, String to, double millis) {
            return new Step(step.replaceAll("\\b" + from + "\\b", "the old writer")
                    .replaceAll("\\b" + to + "\\b", "the new writer")
                    .replaceAll("\\bepoch \\d+\\b", "the next epoch"), millis);
        }
    }

    private static final long SETTLE_NANOS = 60_000_000_000L;
    private static final int WRITES_BETWEEN = 5;

    private final List<Long> successes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean writing = new AtomicBoolean(true);

    private SwitchoverSeries() {
    }

    static List<Run> run(LocalStack stack, LoadPhase.Operation register, int runs, int clients, PrintStream out)
            throws Exception {
        SwitchoverSeries series = new SwitchoverSeries();
        long patientsBefore = stack.patients(stack.writerRegion());
        List<Thread> writers = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int number = client;
            Thread writer = new Thread(() -> series.write(register, number), "switchover-load-" + client);
            writer.start();
            writers.add(writer);
        }
        List<long[]> spans = new ArrayList<>();
        List<JsonNode> reports = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                series.awaitWrites(System.nanoTime(), WRITES_BETWEEN);
                long began = System.nanoTime();
                JsonNode report = Api.JSON.readTree(stack.citadel("dr", "switchover", "--json"));
                long ended = System.nanoTime();
                series.awaitWrites(ended, 1);
                spans.add(new long[] {began, ended});
                reports.add(report);
                out.printf("  switchover %d: %s → %s, writes refused %.0f ms%n", run + 1, report.get("from").asText(),
                        report.get("to").asText(), report.get("writeUnavailableMillis").asDouble());
            }
        } finally {
            series.writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
        }
        // an acknowledged registration is a commit the writer promised to keep, whichever writer took it
        String lastWriter = reports.get(reports.size() - 1).get("to").asText();
        long registered = stack.patients(lastWriter) - patientsBefore;
        if (registered < series.successes.size()) {
            throw new BenchFailure(series.successes.size() + " registrations were acknowledged during the switchovers,"
                    + " but only " + registered + " patients were added on the last writer");
        }
        out.printf("  %d registrations acknowledged, all on the last writer%n", series.successes.size());
        List<Long> sorted = new ArrayList<>(series.successes);
        Collections.sort(sorted);
        List<Run> result = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            JsonNode report = reports.get(i);
            String from = report.get("from").asText();
            String to = report.get("to").asText();
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : report.get("steps")) {
                steps.add(Step.reported(step.get("step").asText(), from, to, step.get("millis").asDouble()));
            }
            result.add(new Run(from, to, report.get("writeUnavailableMillis").asDouble(),
                    longestGap(sorted, spans.get(i)[0], spans.get(i)[1]) / 1e6, steps));
        }
        return result;
    }

    /**
     * The longest interval between consecutive successes from the last one before {@code began} to the first one
     * after {@code ended}: what a client waited across the switchover.
     */
    static long longestGap(List<Long> sortedSuccesses, long began, long ended) {
        long previous = Long.MIN_VALUE;
        long longest = 0;
        for (long success : sortedSuccesses) {
            if (success >= began && previous != Long.MIN_VALUE) {
                longest = Math.max(longest, success - previous);
            }
            if (success > ended) {
                break;
            }
            previous = success;
        }
        return longest;
    }

    private void write(LoadPhase.Operation register, int client) {
        while (writing.get()) {
            try {
                register.call(client);
                successes.add(System.nanoTime());
            } catch (Exception refusedDuringTheSwitchover) {
                // counted by its absence: the gap between successes is the figure
            }
        }
    }

    private void awaitWrites(long after, int count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (true) {
            long seen;
            synchronized (successes) {
                seen = successes.stream().filter(success -> success > after).count();
            }
            if (seen >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("no registration succeeded for 60 s around a switchover");
            }
            Thread.sleep(10);
        }
    }
}
