package health.citadel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    /** A measurement and what one of its operations cost in CPU, machine-wide and per part of the stack. */
    record Metered(Measurement measurement, BenchResults.CpuCost cost) {
    }

    /** {@link #run}, with the CPU times read when the measured window opens and when it closes. */
    static Metered runMetered(String name, Variant variant, BenchPlan plan, Operation operation, MachineCpu cpu) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            long now = System.nanoTime();
            Future<MachineCpu.Snapshot> atStart = timer.schedule(cpu::snapshot, plan.warmUp().toNanos(), TimeUnit.NANOSECONDS);
            Future<MachineCpu.Snapshot> atEnd = timer.schedule(cpu::snapshot,
                    plan.warmUp().plus(plan.measured()).toNanos() - (System.nanoTime() - now), TimeUnit.NANOSECONDS);
            Measurement measured = run(name, variant, plan, operation);
            return new Metered(measured, new BenchResults.CpuCost(name, variant,
                    MachineCpu.perOperation(atStart.get(), atEnd.get(), measured.operations())));
        } catch (ExecutionException e) {
            throw new BenchFailure("reading the CPU times failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        } finally {
            timer.shutdownNow();
        }
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
