package health.citadel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The machine's CPU time, and each part of the stack's, from Linux's {@code /proc}: read at the start and the end
 * of a measured window, their difference divided by the operations completed in it is the CPU one operation cost
 * (the machine's, and Liberty's, each PostgreSQL region's, Keycloak's and the benchmark client's share of it).
 * A PostgreSQL region counts its postmaster and every process under it (the backends, the WAL senders and the
 * subscription's apply worker).
 */
final class MachineCpu {

    /** Processes of one part of the stack, by their root's process id. */
    record Part(String name, long pid) {
    }

    /** CPU time in clock ticks at one moment: the machine's busy time, and each part's. */
    record Snapshot(long machineTicks, Map<String, Long> partTicks) {
    }

    static final String MACHINE = "machine";
    /** Linux's USER_HZ: {@code /proc} counts CPU time in hundredths of a second on every common architecture. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final List<Part> parts;
    private final Path proc;

    MachineCpu(List<Part> parts) {
        this(parts, Path.of("/proc"));
    }

    MachineCpu(List<Part> parts, Path proc) {
        this.parts = List.copyOf(parts);
        this.proc = proc;
    }

    Snapshot snapshot() {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : entries.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                readProcess(entry).ifPresent(fields -> {
                    parents.put(fields[0], fields[1]);
                    ticks.put(fields[0], fields[2]);
                });
            }
            Map<String, Long> partTicks = new LinkedHashMap<>();
            for (Part part : parts) {
                partTicks.put(part.name(), ticks.entrySet().stream()
                        .filter(process -> descends(process.getKey(), part.pid(), parents))
                        .mapToLong(Map.Entry::getValue).sum());
            }
            return new Snapshot(machineBusyTicks(), partTicks);
        } catch (IOException e) {
            throw new BenchFailure("cannot read the CPU times under " + proc + ": " + e.getMessage(), e);
        }
    }

    /** CPU milliseconds per operation between two snapshots: the machine's first, then each part's. */
    static Map<String, Double> perOperation(Snapshot before, Snapshot after, long operations) {
        Map<String, Double> millis = new LinkedHashMap<>();
        if (operations == 0) {
            return millis;
        }
        millis.put(MACHINE, (after.machineTicks() - before.machineTicks()) * MILLIS_PER_TICK / operations);
        before.partTicks().forEach((part, ticks) -> millis.put(part,
                (after.partTicks().getOrDefault(part, ticks) - ticks) * MILLIS_PER_TICK / operations));
        return millis;
    }

    private static boolean descends(long pid, long root, Map<Long, Long> parents) {
        long current = pid;
        for (int depth = 0; depth < 64 && current > 0; depth++) {
            if (current == root) {
                return true;
            }
            current = parents.getOrDefault(current, 0L);
        }
        return false;
    }

    /** pid, parent pid, and user plus system ticks of {@code /proc/<pid>/stat}; empty if it ended meanwhile. */
    private static Optional<long[]> readProcess(Path entry) {
        try {
            String stat = Files.readString(entry.resolve("stat"));
            // the command name is in parentheses and may hold spaces: fields are counted after its ')'
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(entry.getFileName().toString());
            return Optional.of(new long[] {pid, Long.parseLong(after[1]),
                    Long.parseLong(after[11]) + Long.parseLong(after[12])});
        } catch (IOException | RuntimeException ended) {
            return Optional.empty();
        }
    }

    /** The first line of {@code /proc/stat}: every CPU's time, less idle and waiting for I/O. */
    private long machineBusyTicks() throws IOException {
        String[] cpu = Files.readAllLines(proc.resolve("stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field = 1; field < cpu.length; field++) {
            // user nice system idle iowait irq softirq steal guest guest_nice; guest time is inside user already
            if (field != 4 && field != 5 && field < 9) {
                busy += Long.parseLong(cpu[field]);
            }
        }
        return busy;
    }

    /** A part whose process id file is missing is left out, rather than stopping the benchmark. */
    static List<Part> parts(Map<String, OptionalLong> pids) {
        List<Part> parts = new ArrayList<>();
        pids.forEach((name, pid) -> pid.ifPresent(id -> parts.add(new Part(name, id))));
        return parts;
    }
}
