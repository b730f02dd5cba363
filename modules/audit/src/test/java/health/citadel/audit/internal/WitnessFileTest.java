package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness file keeps signed checkpoints as lines that read back exactly, and only the audit key's count. */
class WitnessFileTest {

    private static final byte[] HEAD = new byte[32];
    private static final Instant SIGNED = Instant.parse("2026-12-05T10:00:00.123Z");

    @TempDir
    Path folder;

    @Test
    void checkpointsAppendedReadBackSignedAndOwnerOnly() throws Exception {
        AuditKeys keys = keys(folder);
        Path file = folder.resolve("witness/audit-witness.jsonl");
        Files.createDirectories(file.getParent());
        assertEquals(List.of(), WitnessFile.read(file), "no file yet: nothing witnessed");
        WitnessFile.append(file, signed(keys, 7));
        WitnessFile.append(file, signed(keys, 7));

        List<Checkpoint> read = WitnessFile.read(file);
        assertEquals(2, read.size());
        assertEquals(7, read.get(0).position());
        assertArrayEquals(HEAD, read.get(0).hash());
        assertEquals(SIGNED, read.get(0).signedAt());
        assertTrue(read.get(0).signedBy(keys));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(2, WitnessFile.read(file.getParent()).size(), "a folder is read file by file");
    }

    @Test
    void aCheckpointWhosePositionOrTimeWasChangedIsNotSigned() throws Exception {
        AuditKeys keys = keys(folder);
        Checkpoint genuine = signed(keys, 7);
        assertFalse(new Checkpoint(8, HEAD, SIGNED, genuine.signature()).signedBy(keys));
        assertFalse(new Checkpoint(7, HEAD, SIGNED.plusSeconds(60), genuine.signature()).signedBy(keys),
                "a stale checkpoint cannot pass for a fresh one");
    }

    @Test
    void aDamagedLineIsAnErrorNotSkipped() throws Exception {
        Path file = folder.resolve("damaged.jsonl");
        Files.writeString(file, "{\"position\": 1}\n");
        assertThrows(IllegalArgumentException.class, () -> WitnessFile.read(file));
    }

    @Test
    void anExpectedHeadIsPositionColonHash() {
        ChainExpectations.Head head = ChainExpectations.Head.parse("12:" + "ab".repeat(32));
        assertEquals(12, head.position());
        assertEquals(32, head.hash().length);
        assertThrows(IllegalArgumentException.class, () -> ChainExpectations.Head.parse("12"));
        assertThrows(IllegalArgumentException.class, () -> ChainExpectations.Head.parse("x:ab"));
    }

    private static Checkpoint signed(AuditKeys keys, long position) {
        return new Checkpoint(position, HEAD, SIGNED, keys.sign(ChainMath.checkpoint(position, HEAD, SIGNED)));
    }

    private static AuditKeys keys(Path folder) throws Exception {
        SignatureConfig.register();
        Path keyset = folder.resolve("signing.json");
        Files.writeString(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519), InsecureSecretKeyAccess.get()));
        return AuditKeys.forSigning(keyset);
    }
}
