package health.citadel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;

/**
 * Runs one operation from a fixed number of clients, each in a closed loop (next call when the last answered):
 * a warm-up that is thrown away, then the measured window. An operation counts if it completed inside the window.
 */
final class LoadPhase {

    /** One call of an operation; {@code client} is the caller's number, for operations that keep state per client. */
    @FunctionalInterface
    interface Operation {
        void call(int client) throws Exception;
    }

    private LoadPhase() {
    }

    static Measurement run(String name, Variant variant, BenchPlan plan, Operation operation) {
        long start = System.nanoTime();
        long windowStart = start + plan.warmUp().toNanos();
        long windowEnd = windowStart + plan.measured().toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(plan.concurrency());
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int client = 0; client < plan.concurrency(); client++) {
                int number = client;
                results.add(clients.submit(() -> loop(operation, number, windowStart, windowEnd)));
            }
            LongStream.Builder latencies = LongStream.builder();
            for (Future<long[]> result : results) {
                for (long latency : result.get()) {
                    latencies.add(latency);
                }
            }
            long[] all = latencies.build().toArray();
            return new Measurement(name, variant, all.length, plan.measured().toNanos() / 1e9, all);
        } catch (ExecutionException e) {
            throw failure(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        } finally {
            clients.shutdownNow();
        }
    }

    /** Runs {@code work} from {@code clients} threads at once and waits for all of them. */
    static void untilDone(int clients, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                done.add(pool.submit(work));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw failure("the work", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static BenchFailure failure(String name, ExecutionException e) {
        Throwable cause = e.getCause();
        return cause instanceof BenchFailure failure ? failure : new BenchFailure(name + " failed: " + cause, cause);
    }

    private static long[] loop(Operation operation, int client, long windowStart, long windowEnd) throws Exception {
        LongStream.Builder latencies = LongStream.builder();
        while (true) {
            long begun = System.nanoTime();
            if (begun >= windowEnd) {
                return latencies.build().toArray();
            }
            operation.call(client);
            long ended = System.nanoTime();
            if (ended >= windowStart && ended < windowEnd) {
                latencies.add(ended - begun);
            }
        }
    }
}
