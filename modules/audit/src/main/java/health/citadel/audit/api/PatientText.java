package health.citadel.audit.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the free text of an audit event about a patient (a reason, which often names the condition) readable
 * only while the patient's chart exists: encrypted under the patient's own data key, which erasure destroys. The
 * module that holds those keys implements it; the audit log stores only the ciphertext, so its seals and chain
 * still verify after an erasure.
 */
public interface PatientText {

    /**
     * @param boundTo what the ciphertext belongs to (the event), checked again when it is decrypted
     * @return the ciphertext, or empty when the patient has no key (never registered, or erased)
     */
    Optional<byte[]> encrypt(UUID patientId, String text, byte[] boundTo);

    /** @return the text, or empty once the patient's key is destroyed */
    Optional<String> decrypt(UUID patientId, byte[] ciphertext, byte[] boundTo);
}
