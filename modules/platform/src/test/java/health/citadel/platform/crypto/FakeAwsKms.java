package health.citadel.platform.crypto;

import com.amazonaws.services.kms.AbstractAWSKMS;
import com.amazonaws.services.kms.model.DecryptRequest;
import com.amazonaws.services.kms.model.DecryptResult;
import com.amazonaws.services.kms.model.EncryptRequest;
import com.amazonaws.services.kms.model.EncryptResult;
import com.amazonaws.services.kms.model.InvalidCiphertextException;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One symmetric key of AWS KMS, in memory, answering the SDK's Encrypt and Decrypt as the service does: bound to the
 * request's encryption context, the key's ARN in every answer, InvalidCiphertextException for a ciphertext that is not
 * its own. Its material rotates behind the same ARN as AWS's does; unlike AWS, old material can be retired, to show
 * what a re-wrap moved. It can be made to fail every call, as an outage or a refusal would.
 */
final class FakeAwsKms extends AbstractAWSKMS {

    private final String arn;
    private final List<Aead> materials = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile RuntimeException failure;

    FakeAwsKms(String arn) throws GeneralSecurityException {
        this.arn = arn;
        rotate();
    }

    /** New key material wraps from now on; the older still unwraps, as AWS's automatic rotation does. */
    void rotate() throws GeneralSecurityException {
        materials.add(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class));
    }

    /** Forgets all but the newest material, which AWS never does: what still unwraps was wrapped under the newest. */
    void retireOldMaterial() {
        for (int i = 0; i < materials.size() - 1; i++) {
            materials.set(i, null);
        }
    }

    /** Every call from now on throws {@code e}; null answers again. */
    void failWith(RuntimeException e) {
        failure = e;
    }

    String arn() {
        return arn;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public EncryptResult encrypt(EncryptRequest request) {
        answer();
        int newest = materials.size() - 1;
        try {
            byte[] sealed = materials.get(newest).encrypt(bytes(request.getPlaintext()), context(request.getEncryptionContext()));
            byte[] blob = ByteBuffer.allocate(1 + sealed.length).put((byte) newest).put(sealed).array();
            return new EncryptResult().withKeyId(arn).withCiphertextBlob(ByteBuffer.wrap(blob));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public DecryptResult decrypt(DecryptRequest request) {
        answer();
        byte[] blob = bytes(request.getCiphertextBlob());
        Aead material = blob.length > 0 && blob[0] < materials.size() ? materials.get(blob[0]) : null;
        try {
            if (material == null || !arn.equals(request.getKeyId())) {
                throw new GeneralSecurityException("not this key's ciphertext");
            }
            byte[] plaintext = material.decrypt(Arrays.copyOfRange(blob, 1, blob.length), context(request.getEncryptionContext()));
            return new DecryptResult().withKeyId(arn).withPlaintext(ByteBuffer.wrap(plaintext));
        } catch (GeneralSecurityException e) {
            InvalidCiphertextException refused = new InvalidCiphertextException("The ciphertext is invalid");
            refused.setErrorCode("InvalidCiphertextException");
            refused.setStatusCode(400);
            throw refused;
        }
    }

    private void answer() {
        calls.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] context(java.util.Map<String, String> context) {
        return new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8);
    }
}
