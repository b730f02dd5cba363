package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.subtle.Ed25519Sign;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeysTest {

    private static final byte[] EVENT = "READ;Chart;42".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    /** Conscrypt signs for speed; its seals are byte for byte Tink's own Java Ed25519's, so either checks either. */
    @Test
    void sealsAreMadeThroughConscryptAndEqualTinksOwn() throws Exception {
        SignatureConfig.register();
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
        Path privateKeyset = folder.resolve("signing.json");
        Files.writeString(privateKeyset, TinkJsonProtoKeysetFormat.serializeKeyset(keyset,
                InsecureSecretKeyAccess.get()));
        Path publicKeyset = folder.resolve("public.json");
        Files.writeString(publicKeyset, TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(
                keyset.getPublicKeysetHandle()));

        byte[] seal = AuditKeys.forSigning(privateKeyset).sign(EVENT);

        assertNotNull(Security.getProvider("Conscrypt"), "Conscrypt's native library loads on this platform");
        Ed25519PrivateKey key = (Ed25519PrivateKey) keyset.getPrimary().getKey();
        byte[] tinksOwn = new Ed25519Sign(key.getPrivateKeyBytes().toByteArray(InsecureSecretKeyAccess.get()))
                .sign(EVENT);
        byte[] prefix = key.getOutputPrefix().toByteArray();
        byte[] expected = new byte[prefix.length + tinksOwn.length];
        System.arraycopy(prefix, 0, expected, 0, prefix.length);
        System.arraycopy(tinksOwn, 0, expected, prefix.length, tinksOwn.length);
        assertArrayEquals(expected, seal, "Ed25519 is deterministic: the same key signs the same bytes alike");

        AuditKeys verifying = AuditKeys.forVerifying(publicKeyset);
        assertTrue(verifying.verifies(seal, EVENT));
        assertFalse(verifying.verifies(seal, "READ;Chart;43".getBytes(StandardCharsets.UTF_8)));
    }
}
