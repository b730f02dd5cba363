package health.citadel.platform.crypto;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.ClientConfiguration;
import com.amazonaws.services.kms.AWSKMSClientBuilder;
import com.amazonaws.services.kms.model.IncorrectKeyException;
import com.amazonaws.services.kms.model.InvalidCiphertextException;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.integration.awskms.AwsKmsAead;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * Tink's AWS KMS AEAD for {@code aws-kms://<key ARN>}, through a client that gives up within seconds: a request
 * waits for the KMS at most {@link #CALL_MILLIS}, retries included, before it answers 503, where the SDK's defaults
 * would hold it up to a minute a try (Tink's own AwsKmsClient takes no client configuration). Credentials are the
 * task's or pod's role, through the SDK's default chain, never a file.
 */
final class AwsKms implements KmsClient {

    static final String PREFIX = "aws-kms://";
    private static final int CONNECT_MILLIS = 2_000;
    private static final int TRY_MILLIS = 3_000;
    private static final int CALL_MILLIS = 8_000;
    /** Throttling and the KMS's own errors are retried twice, with the SDK's backoff. */
    private static final int RETRIES = 2;

    @Override
    public boolean doesSupport(String uri) {
        return uri != null && uri.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) throws GeneralSecurityException {
        throw new GeneralSecurityException("AWS KMS is reached with the task's or pod's role, not a credentials file");
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String uri) throws GeneralSecurityException {
        if (!doesSupport(uri)) {
            throw new GeneralSecurityException("not an " + PREFIX + " URI");
        }
        String arn = uri.substring(PREFIX.length());
        String[] parts = arn.split(":", 6); // arn:<partition>:kms:<region>:<account>:key/<id> (or alias/<name>)
        if (parts.length != 6 || !"arn".equals(parts[0]) || !"kms".equals(parts[2]) || parts[3].isEmpty()) {
            throw new GeneralSecurityException("not a KMS key ARN");
        }
        ClientConfiguration bounded = new ClientConfiguration().withConnectionTimeout(CONNECT_MILLIS)
                .withSocketTimeout(TRY_MILLIS).withClientExecutionTimeout(CALL_MILLIS).withMaxErrorRetry(RETRIES);
        return new AwsKmsAead(AWSKMSClientBuilder.standard().withRegion(parts[3]).withClientConfiguration(bounded)
                .build(), arn);
    }

    /**
     * Whether the KMS answered that the ciphertext is not one of this key's for this binding (tampered, moved to
     * another row, or another key's): the one failure that is no outage. Tink's own check that the answer came from
     * the configured key throws without a cause.
     */
    static boolean refusedCiphertext(GeneralSecurityException e) {
        Throwable cause = e.getCause();
        return cause == null || cause instanceof InvalidCiphertextException || cause instanceof IncorrectKeyException;
    }

    /** The kind of a failure, for the log: the KMS's error code and status, else the exception's class. */
    static String failure(Exception e) {
        Throwable cause = e instanceof GeneralSecurityException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AmazonServiceException answer && answer.getErrorCode() != null) {
            return answer.getErrorCode() + " " + answer.getStatusCode();
        }
        return cause.getClass().getSimpleName();
    }
}
