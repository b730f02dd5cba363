package health.citadel.records.internal;

import java.time.Instant;
import java.util.UUID;

/** A patient as the API shows it: demographics decrypted and masked for the caller. */
public record PatientRecord(UUID id, long version, Demographics demographics, boolean restricted, boolean retired,
                            Instant createdAt, Instant updatedAt) {
}
