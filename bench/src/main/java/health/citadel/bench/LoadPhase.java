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
        long windowStart = System.nanoTime() + plan.warmUp().toNanos();
        long windowEnd = windowStart + plan.measured().toNanos();
        long[] all = fromEach(name, plan.concurrency(), client -> loop(operation, client, windowStart, windowEnd))
                .stream().flatMapToLong(LongStream::of).toArray();
        return new Measurement(name, variant, all.length, plan.measured().toNanos() / 1e9, all);
    }

    /** Runs {@code work} from {@code clients} threads at once and waits for all of them. */
    static void untilDone(int clients, Runnable work) {
        fromEach("the work", clients, client -> {
            work.run();
            return null;
        });
    }

    /** What one client thread does, knowing its number. */
    @FunctionalInterface
    private interface Client<T> {
        T run(int client) throws Exception;
    }

    /** Runs {@code work} from {@code clients} threads at once; what each returned, once all are done. */
    private static <T> List<T> fromEach(String name, int clients, Client<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int number = client;
                running.add(pool.submit(() -> work.run(number)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> each : running) {
                results.add(each.get());
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof BenchFailure failure ? failure : new BenchFailure(name + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
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
