package health.citadel.records.internal.keys;

import health.citadel.audit.api.PatientText;
import health.citadel.platform.crypto.UnreadableCiphertext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log's reasons about a patient, encrypted under the patient's data key: erasure, which destroys that
 * key, shreds them with the chart.
 */
@ApplicationScoped
class PatientKeyedText implements PatientText {

    @Inject
    ChartKeys keys;

    @Override
    public Optional<byte[]> encrypt(UUID patientId, String text, byte[] boundTo) {
        try {
            return Optional.of(keys.of(patientId).encrypt(text.getBytes(StandardCharsets.UTF_8), boundTo));
        } catch (PatientErased noKey) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> decrypt(UUID patientId, byte[] ciphertext, byte[] boundTo) {
        try {
            return Optional.of(new String(keys.of(patientId).decrypt(ciphertext, boundTo), StandardCharsets.UTF_8));
        } catch (PatientErased shredded) {
            return Optional.empty();
        } catch (UnreadableCiphertext altered) {
            // the seal and chain name the altered event; here it simply cannot be read
            return Optional.empty();
        }
    }
}
