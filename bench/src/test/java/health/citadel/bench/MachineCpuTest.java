package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A /proc laid out by hand: the machine's busy ticks and each part's, its children included, per operation. */
class MachineCpuTest {

    @TempDir
    Path proc;

    @Test
    void aPartCountsItsProcessAndEveryProcessUnderIt() throws Exception {
        MachineCpu cpu = new MachineCpu(List.of(new MachineCpu.Part("PostgreSQL A", 100),
                new MachineCpu.Part("Liberty", 200)), proc);
        machine(1000, 50, 300);
        process(100, 1, "postgres", 10, 5);
        process(101, 100, "postgres: citadel_app citadel 127.0.0.1(4711) idle", 20, 5);
        process(200, 1, "java", 100, 20);
        process(300, 1, "unrelated", 7, 0);
        MachineCpu.Snapshot before = cpu.snapshot();

        machine(1400, 50, 500);
        process(101, 100, "postgres: citadel_app citadel 127.0.0.1(4711) idle", 60, 15);
        process(200, 1, "java", 200, 40);
        MachineCpu.Snapshot after = cpu.snapshot();

        // 400 user and 200 system ticks of 10 ms over 40 operations (idle and I/O wait left out); the backend's 50
        // ticks count for its region, the unrelated process's for no part
        assertEquals(Map.of("machine", 150.0, "PostgreSQL A", 12.5, "Liberty", 30.0),
                MachineCpu.perOperation(before, after, 40));
    }

    @Test
    void noOperationsMeansNoCost() throws Exception {
        MachineCpu cpu = new MachineCpu(List.of(), proc);
        machine(1, 1, 1);
        assertEquals(Map.of(), MachineCpu.perOperation(cpu.snapshot(), cpu.snapshot(), 0));
    }

    /** The first line of /proc/stat: user nice system idle iowait irq softirq steal guest guest_nice. */
    private void machine(long user, long idle, long system) throws Exception {
        Files.writeString(proc.resolve("stat"), "cpu  " + user + " 0 " + system + " " + idle + " 99 0 0 0 0 0\n"
                + "cpu0 1 2 3 4 5 6 7 8 9 10\n");
    }

    private void process(long pid, long parent, String name, long user, long system) throws Exception {
        Path directory = Files.createDirectories(proc.resolve(Long.toString(pid)));
        // fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        Files.writeString(directory.resolve("stat"), pid + " (" + name + ") S " + parent
                + " 1 1 0 -1 4194560 0 0 0 0 " + user + " " + system + " 0 0 20 0 1 0 1 1 1\n");
    }
}
