package health.citadel.bench;

/** The benchmark cannot go on; the message says why, in one line. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
