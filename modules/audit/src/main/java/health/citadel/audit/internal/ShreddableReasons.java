package health.citadel.audit.internal;

import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.PatientText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A reason given about a patient is stored encrypted under that patient's key ({@link PatientText}), bound to
 * its event, so that erasing the patient shreds it while the event, its seal and the chain stay intact. A
 * reason without a patient names no one and is stored as it is.
 */
@ApplicationScoped
class ShreddableReasons {

    /** Marks a stored reason as the patient-key ciphertext, in base64. */
    static final String SEALED = "patient-key:";
    /** What an auditor reads once the patient's key is destroyed. */
    static final String SHREDDED = "(shredded: the patient was erased)";

    @Inject
    PatientText patientText;

    /** The event as it is stored: its reason encrypted, or dropped when the patient has no key. */
    AuditEvent forStorage(AuditEvent event) {
        if (event.patientId() == null || event.reason() == null) {
            return event;
        }
        return event.withReason(patientText.encrypt(event.patientId(), event.reason(), binding(event))
                .map(ciphertext -> SEALED + Base64.getEncoder().encodeToString(ciphertext)).orElse(null));
    }

    /** The event as an auditor reads it: its reason decrypted while the patient's key exists. */
    AuditEvent forReading(AuditEvent stored) {
        if (stored.reason() == null || !stored.reason().startsWith(SEALED) || stored.patientId() == null) {
            return stored;
        }
        byte[] ciphertext = Base64.getDecoder().decode(stored.reason().substring(SEALED.length()));
        return stored.withReason(patientText.decrypt(stored.patientId(), ciphertext, binding(stored)).orElse(SHREDDED));
    }

    private static byte[] binding(AuditEvent event) {
        return ("audit.access_event.reason:" + event.id()).getBytes(StandardCharsets.UTF_8);
    }
}
