package health.citadel.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.integration.awskms.AwsKmsAead;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tink's KMS client for {@code fake-kms://<key ARN>}: Tink's real AWS KMS AEAD against a {@link FakeAwsKms}, so that
 * what the application does with the SDK's answers is what runs. Registered with Tink once; each test's key has an
 * ARN of its own.
 */
final class FakeKmsClient implements KmsClient {

    private static final String PREFIX = "fake-kms://";
    private static final Map<String, FakeAwsKms> KEYS = new ConcurrentHashMap<>();

    static {
        KmsClients.add(new FakeKmsClient());
    }

    /** A new key in the fake KMS; {@link #uri} names it. */
    static FakeAwsKms newKey() throws GeneralSecurityException {
        String arn = "arn:aws:kms:eu-west-1:111122223333:key/" + UUID.randomUUID();
        FakeAwsKms kms = new FakeAwsKms(arn);
        KEYS.put(arn, kms);
        return kms;
    }

    static String uri(FakeAwsKms kms) {
        return PREFIX + kms.arn();
    }

    @Override
    public boolean doesSupport(String uri) {
        return uri.startsWith(PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
        return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String uri) throws GeneralSecurityException {
        String arn = uri.substring(PREFIX.length());
        FakeAwsKms kms = KEYS.get(arn);
        if (kms == null) {
            throw new GeneralSecurityException("no such key: " + uri);
        }
        return new AwsKmsAead(kms, arn);
    }
}
