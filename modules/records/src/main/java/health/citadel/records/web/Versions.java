package health.citadel.records.web;

import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * Optimistic concurrency over HTTP: a record's version goes out as its ETag, and comes back in the If-Match
 * header of the change that expects it.
 */
final class Versions {

    private Versions() {
    }

    /** 200 with the record and its version as the ETag. */
    static Response tagged(Object record, long version) {
        return Response.ok(record).tag(tag(version)).build();
    }

    /** 201 with the new record, where it lives, and its version as the ETag. */
    static Response created(Object record, UUID id, long version, UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).tag(tag(version))
                .entity(record).build();
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
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
