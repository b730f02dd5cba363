package health.citadel.platform.progress;

/**
 * What a long operation tells whoever waits for it while it runs: the phase it is in and, where it knows its total,
 * how far it has come. The command line shows it on standard error ({@link StderrProgress}); the application and a
 * command run with {@code --quiet} pass {@link #NONE}.
 */
public interface Progress extends AutoCloseable {

    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String what) {
            // nobody watches
        }

        @Override
        public void counted(String what, long done, long total) {
            // nobody watches
        }
    };

    /** A phase of unknown length begins, e.g. "copying the backup to the other region's folder". */
    void phase(String what);

    /**
     * Counted work: {@code done} of {@code total} {@code what} (e.g. "tables compared"). Call it as often as is
     * convenient, once per item if need be: the display decides how often to show it.
     */
    void counted(String what, long done, long total);

    /** The operation is over, however it ended: the display leaves the line it drew on. */
    @Override
    default void close() {
        // most displays draw nothing that stays open
    }
}
