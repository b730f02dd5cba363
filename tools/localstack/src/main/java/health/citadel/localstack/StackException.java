package health.citadel.localstack;

/** A failure the person running the stack can act on; its message is the one line they see. */
final class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
