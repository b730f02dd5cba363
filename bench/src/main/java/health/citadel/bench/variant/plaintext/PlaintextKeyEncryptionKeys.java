package health.citadel.bench.variant.plaintext;

import health.citadel.platform.crypto.DataKey;
import health.citadel.platform.crypto.EnvelopeEncryption;
import health.citadel.platform.crypto.KeyEncryptionKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's no-op cipher: data keys that are not keys and values stored as they are. It exists only in a
 * jar that {@code bin/citadel bench} adds to a copy of the WAR, so the chart's code path is measured without the
 * cost of encryption. Never part of the production WAR.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class PlaintextKeyEncryptionKeys implements KeyEncryptionKeys {

    /** What is stored in place of a wrapped data key, so that the same rows are written. */
    private static final byte[] NO_KEY = "bench:plaintext-cipher".getBytes(StandardCharsets.US_ASCII);

    private static final DataKey IDENTITY = new DataKey() {
        @Override
        public byte[] encrypt(byte[] plaintext, byte[] boundTo) {
            return plaintext;
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] boundTo) {
            return ciphertext;
        }
    };

    private static final EnvelopeEncryption PLAINTEXT = new EnvelopeEncryption() {
        @Override
        public byte[] newWrappedDataKey(byte[] boundTo) {
            return NO_KEY.clone();
        }

        @Override
        public DataKey unwrap(byte[] wrapped, byte[] boundTo) {
            return IDENTITY;
        }

        @Override
        public byte[] rewrap(byte[] wrapped, byte[] boundTo) {
            return wrapped;
        }
    };

    @Override
    public EnvelopeEncryption load() {
        return PLAINTEXT;
    }
}
