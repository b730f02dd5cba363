package health.citadel.records.web;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.Response;

/** Optimistic concurrency over HTTP: the version a change expects, from its If-Match header. */
final class Versions {

    private Versions() {
    }

    /** The version the caller last read, from {@code If-Match: "7"}; 428 without it, 412 if it names none. */
    static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new RequestRefused(Response.Status.PRECONDITION_REQUIRED, "send If-Match with the ETag you read");
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new RequestRefused(Response.Status.PRECONDITION_FAILED, "If-Match names no version of this record");
        }
    }
}
