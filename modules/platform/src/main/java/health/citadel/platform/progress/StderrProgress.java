package health.citadel.platform.progress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on standard error, so that standard output stays the command's report (JSON with {@code --json}). On a
 * terminal, counted work is a bar redrawn in place; elsewhere (a log, a pipe, a job's output) every line stays, so
 * counted work prints a line at each tenth of its total instead. Each line starts with the command's name.
 */
public final class StderrProgress implements Progress {

    /** Set by {@code bin/citadel}, which can tell ({@code -t 2}): Java 17 cannot tell whether standard error is a terminal. */
    public static final String TERMINAL_PROPERTY = "citadel.stderr.terminal";
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String command;
    /** The counted work being shown, and how much of it was shown last: a percentage, or a tenth off a terminal. */
    private String counting;
    private long shown = -1;
    private boolean barOpen;

    public StderrProgress(PrintWriter err, boolean terminal, String command) {
        this.err = err;
        this.terminal = terminal;
        this.command = command;
    }

    /** Whether {@code bin/citadel} found standard error to be a terminal. */
    public static boolean standardErrorIsTerminal() {
        return Boolean.getBoolean(TERMINAL_PROPERTY);
    }

    @Override
    public void phase(String what) {
        endBar();
        counting = null;
        err.println(command + ": " + what + " ...");
        err.flush();
    }

    @Override
    public void counted(String what, long done, long total) {
        if (total <= 0) {
            return;
        }
        long percent = Math.min(100, Math.max(0, done) * 100 / total);
        if (!what.equals(counting)) {
            endBar();
            counting = what;
            shown = terminal ? -1 : 0;
        }
        long step = terminal ? percent : percent / 10;
        if (step <= shown) {
            return;
        }
        shown = step;
        String figures = String.format(Locale.ROOT, "%d of %d %s (%d%%)", Math.min(done, total), total, what, percent);
        if (terminal) {
            int filled = (int) (percent * BAR_WIDTH / 100);
            // back to the line's start, the bar, then clear what a longer line left
            err.print("\r" + command + ": [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + figures
                    + "\033[K");
            barOpen = true;
            if (percent == 100) {
                endBar();
            }
        } else {
            err.println(command + ": " + figures);
        }
        err.flush();
    }

    /** Ends a bar left open, so that what follows on standard error (an error, say) starts on a line of its own. */
    @Override
    public void close() {
        endBar();
        err.flush();
    }

    private void endBar() {
        if (barOpen) {
            err.println();
            barOpen = false;
        }
    }
}
