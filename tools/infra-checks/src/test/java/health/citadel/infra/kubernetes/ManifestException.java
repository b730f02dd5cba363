package health.citadel.infra.kubernetes;

/** A manifest the typed model refuses: a kind it does not know, a field it does not know, a value of the wrong type. */
final class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ManifestException(String message) {
        super(message);
    }

    ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
