package health.citadel.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.SdkClientException;
import com.amazonaws.services.kms.model.AWSKMSException;
import com.amazonaws.services.kms.model.DisabledException;
import com.amazonaws.services.kms.model.KMSInternalException;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.integration.awskms.AwsKmsAead;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key-encryption key in AWS KMS, through Tink's AWS KMS AEAD against a fake KMS: data keys wrapped by it unwrap
 * for their owner alone, a KMS that does not answer is a 503 (never a failed decryption, never a 500), and neither the
 * key's ARN nor the KMS's message reaches the problem or the log.
 */
class KmsKeyEncryptionKeysTest {

    private static final byte[] ALICE = "records.patient_key.wrapped_key:alice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOB = "records.patient_key.wrapped_key:bob".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW = "records.patient.demographics:alice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "Jane Doe, 1970-01-01".getBytes(StandardCharsets.UTF_8);

    private final Logger log = Logger.getLogger(KmsKeyEncryptionKey.class.getName());
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private FakeAwsKms kms;
    private EnvelopeEncryption envelope;

    @BeforeAll
    static void registerTink() throws Exception {
        AeadConfig.register();
    }

    @BeforeEach
    void keyInTheKms() throws Exception {
        log.addHandler(capture);
        kms = FakeKmsClient.newKey();
        envelope = KeyEncryptionKeys.kms(FakeKmsClient.uri(kms)).load();
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
    }

    @Test
    void aDataKeyWrappedByTheKmsUnwrapsForItsOwnerAndNoOther() {
        byte[] wrapped = envelope.newWrappedDataKey(ALICE);
        byte[] ciphertext = envelope.unwrap(wrapped, ALICE).encrypt(SECRET, ROW);

        assertArrayEquals(SECRET, envelope.unwrap(wrapped, ALICE).decrypt(ciphertext, ROW));
        assertEquals(3, kms.calls(), "one Encrypt to wrap, one Decrypt per unwrap: the key stays in the KMS");
        assertEquals(List.of("The key-encryption key is in a KMS (fake-kms): every wrap and unwrap is a call to it"), logged,
                "the scheme, never the key's ARN");
        assertThrows(UnreadableCiphertext.class, () -> envelope.unwrap(wrapped, BOB), "bound to its owner");
        byte[] altered = wrapped.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(UnreadableCiphertext.class, () -> envelope.unwrap(altered, ALICE), "altered, not an outage");
    }

    @Test
    void aReWrapAfterTheKmsRotatedItsMaterialMovesTheDataKeyToTheNewest() throws Exception {
        byte[] wrapped = envelope.newWrappedDataKey(ALICE);
        byte[] ciphertext = envelope.unwrap(wrapped, ALICE).encrypt(SECRET, ROW);
        kms.rotate();

        byte[] rewrapped = envelope.rewrap(wrapped, ALICE);
        kms.retireOldMaterial();

        assertArrayEquals(SECRET, envelope.unwrap(rewrapped, ALICE).decrypt(ciphertext, ROW), "the same data key");
        assertThrows(UnreadableCiphertext.class, () -> envelope.unwrap(wrapped, ALICE),
                "only the re-wrapped copy is under the newest material");
    }

    static Stream<RuntimeException> outages() {
        return Stream.of(
                answered(new KMSInternalException("internal error"), "KMSInternalException", 500),
                answered(new AWSKMSException("Rate exceeded"), "ThrottlingException", 400),
                answered(new DisabledException("arn:aws:kms:eu-west-1:111122223333:key/x is disabled"), "DisabledException", 400),
                answered(new AWSKMSException("User: arn:aws:sts::111122223333:assumed-role/citadel-task is not authorized "
                        + "to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/x"), "AccessDeniedException", 400),
                new SdkClientException("Unable to execute HTTP request: Connect to kms.eu-west-1.amazonaws.com:443 failed"));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void aKmsThatDoesNotWrapOrUnwrapIsAServiceUnavailableForWrapUnwrapAndRewrap(RuntimeException outage) {
        byte[] wrapped = envelope.newWrappedDataKey(ALICE);
        kms.failWith(outage);

        List<Function<byte[], Object>> operations = List.of(
                w -> envelope.newWrappedDataKey(ALICE), w -> envelope.unwrap(w, ALICE), w -> envelope.rewrap(w, ALICE));
        for (Function<byte[], Object> operation : operations) {
            KeyServiceUnavailable refused = assertThrows(KeyServiceUnavailable.class, () -> operation.apply(wrapped));
            assertEquals(Response.Status.SERVICE_UNAVAILABLE, refused.status(), "the platform's 503 with Retry-After");
            assertFalse(refused.getMessage().contains("arn:") || refused.getMessage().contains(kms.arn()), refused.getMessage());
        }
        List<String> outagesLogged = logged.stream().filter(line -> line.startsWith("The KMS did not")).toList();
        assertEquals(3, outagesLogged.size(), logged.toString());
        for (String line : logged) {
            assertFalse(line.contains("arn:") || line.contains("111122223333") || line.contains("kms.eu-west-1"), line);
        }
        String kind = outage instanceof AWSKMSException answer ? answer.getErrorCode() : "SdkClientException";
        assertTrue(outagesLogged.get(1).startsWith("The KMS did not unwrap a data key (" + kind), outagesLogged.get(1));

        kms.failWith(null);
        assertDoesNotThrow(() -> envelope.unwrap(wrapped, ALICE), "nothing is lost: once the KMS answers, it unwraps");
    }

    @Test
    void aUriNoKmsClientReachesNamesItsSchemeAndNotTheKey() {
        for (String uri : List.of("gcp-kms://projects/hospital/locations/eu/keyRings/r/cryptoKeys/kek",
                "aws-kms://arn:aws:s3:::hospital-backups", "fake-kms://arn:aws:kms:eu-west-1:111122223333:key/missing")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> KeyEncryptionKeys.kms(uri));
            assertFalse(refused.getMessage().contains("hospital") || refused.getMessage().contains("111122223333"),
                    refused.getMessage());
        }
    }

    @Test
    void anAwsUriIsAKmsKeyArnWhoseRegionTheClientIsBuiltFor() throws Exception {
        AwsKms aws = new AwsKms();
        for (String key : List.of("key/1234abcd-12ab-34cd-56ef-1234567890ab", "key/mrk-1234abcd12ab34cd56ef1234567890ab",
                "alias/citadel-records")) {
            assertInstanceOf(AwsKmsAead.class, aws.getAead("aws-kms://arn:aws:kms:eu-west-1:111122223333:" + key), key);
        }
        for (String notAKey : List.of("aws-kms://arn:aws:s3:::hospital-backups", "aws-kms://1234abcd",
                "aws-kms://arn:aws:kms::111122223333:key/x", "gcp-kms://projects/p")) {
            assertThrows(GeneralSecurityException.class, () -> aws.getAead(notAKey), notAKey);
        }
    }

    private static AWSKMSException answered(AWSKMSException e, String code, int status) {
        e.setErrorCode(code);
        e.setStatusCode(status);
        return e;
    }
}
