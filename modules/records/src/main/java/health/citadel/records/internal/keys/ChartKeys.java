package health.citadel.records.internal.keys;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.CallerAudit;
import health.citadel.platform.crypto.BlindIndex;
import health.citadel.platform.crypto.DataKey;
import health.citadel.platform.crypto.EnvelopeEncryption;
import health.citadel.platform.crypto.KeyEncryptionKeys;
import health.citadel.platform.crypto.UnreadableCiphertext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chart's keys: a data key per patient, wrapped by the key-encryption key (a secret keyset file, or a key in a
 * KMS: {@link KeyEncryptionKeySetting}), and the blind-index key. Every binding names table, column and row, so a
 * ciphertext moved elsewhere fails to decrypt.
 */
@ApplicationScoped
public class ChartKeys {

    @Inject
    @ConfigProperty(name = "citadel.records.blind-index-keyset")
    String blindIndexKeyset;

    @PersistenceContext(unitName = "citadel")
    EntityManager entityManager;

    @Inject
    KeyEncryptionKeys keyEncryptionKeys;

    @Inject
    CallerAudit audit;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** The transaction resource that holds the data keys unwrapped in it. */
    private static final Object UNWRAPPED = ChartKeys.class.getName() + ".unwrapped";

    /** What the start-up check wraps and unwraps a data key for: no patient. */
    private static final byte[] PROBE = binding("patient_key", "wrapped_key", new UUID(0, 0));

    private volatile EnvelopeEncryption envelope;
    private BlindIndex blindIndex;
    private volatile boolean usable;

    @PostConstruct
    void load() {
        reloadKeyEncryptionKey();
        blindIndex = BlindIndex.fromKeyset(Path.of(blindIndexKeyset));
    }

    /**
     * Whether the key material is ready: the blind-index keyset read, and a data key wrapped and unwrapped by the
     * key-encryption key, which for a KMS proves the key exists and this instance may use it. The first call loads
     * the keys, and fails where they cannot be read or used; once it has held, it is not asked again.
     */
    boolean loaded() {
        if (!usable) {
            usable = blindIndex != null && envelope.unwrap(envelope.newWrappedDataKey(PROBE), PROBE) != null;
        }
        return usable;
    }

    /**
     * Loads the key-encryption key again: a keyset file's new primary key wraps from now on, its old ones still
     * unwrap; a KMS key is the same, its newest material wrapping.
     */
    void reloadKeyEncryptionKey() {
        envelope = keyEncryptionKeys.load();
    }

    /** Wraps the patient's data key again under the current key-encryption key (a KMS: its newest material). */
    void rewrap(UUID patientId) {
        PatientKey key = entityManager.find(PatientKey.class, patientId);
        key.rewrap(envelope.rewrap(key.wrappedKey(), keyBinding(patientId)));
    }

    /** A new data key for the patient, not yet stored: the caller re-encrypts every value, then keeps it. */
    EnvelopeEncryption.Replacement replacement(UUID patientId) {
        return envelope.replaceDataKey(entityManager.find(PatientKey.class, patientId).wrappedKey(),
                keyBinding(patientId));
    }

    void keep(UUID patientId, EnvelopeEncryption.Replacement replacement) {
        entityManager.find(PatientKey.class, patientId).rewrap(replacement.nextWrapped());
        unwrapped().ifPresent(keys -> keys.remove(patientId));
    }

    public DataKey create(UUID patientId) {
        byte[] wrapped = envelope.newWrappedDataKey(keyBinding(patientId));
        entityManager.persist(new PatientKey(patientId, wrapped, Instant.now()));
        DataKey dataKey = envelope.unwrap(wrapped, keyBinding(patientId));
        // a registration that goes on to write the chart needs it again in the same transaction
        unwrapped().ifPresent(map -> map.put(patientId, dataKey));
        return dataKey;
    }

    /**
     * The patient's data key; {@link PatientErased} once it has been destroyed. Unwrapped once per transaction:
     * a chart of many values needs it many times, and it is forgotten when the transaction ends.
     */
    public DataKey of(UUID patientId) {
        Optional<Map<UUID, DataKey>> keys = unwrapped();
        DataKey known = keys.map(map -> map.get(patientId)).orElse(null);
        if (known != null) {
            return known;
        }
        PatientKey key = entityManager.find(PatientKey.class, patientId);
        if (key == null || key.wrappedKey() == null) {
            throw new PatientErased();
        }
        DataKey dataKey = envelope.unwrap(key.wrappedKey(), keyBinding(patientId));
        keys.ifPresent(map -> map.put(patientId, dataKey));
        return dataKey;
    }

    /** The data keys unwrapped in the current transaction; none outside one. */
    @SuppressWarnings("unchecked")
    private Optional<Map<UUID, DataKey>> unwrapped() {
        if (transaction.getTransactionKey() == null) {
            return Optional.empty();
        }
        Map<UUID, DataKey> keys = (Map<UUID, DataKey>) transaction.getResource(UNWRAPPED);
        if (keys == null) {
            keys = new HashMap<>();
            transaction.putResource(UNWRAPPED, keys);
        }
        return Optional.of(keys);
    }

    /** Destroys the patient's data key; false if it was already destroyed. */
    public boolean destroy(UUID patientId, Instant at) {
        PatientKey key = entityManager.find(PatientKey.class, patientId);
        if (key == null || key.wrappedKey() == null) {
            return false;
        }
        key.destroy(at);
        unwrapped().ifPresent(keys -> keys.remove(patientId));
        return true;
    }

    /**
     * A stored value of the patient, decrypted. One that does not decrypt for its row (tampered, or copied from
     * another row) is audited as a FAILED read, in a transaction of its own, and the request fails loudly.
     */
    public byte[] decrypt(UUID patientId, String table, String column, UUID row, byte[] ciphertext) {
        DataKey key = of(patientId);
        try {
            return key.decrypt(ciphertext, binding(table, column, row));
        } catch (UnreadableCiphertext e) {
            audit.of(AuditAction.READ, table).resource(row.toString()).patient(patientId)
                    .failed("a stored value failed its integrity check");
            throw e;
        }
    }

    public byte[] index(String purpose, String normalizedValue) {
        return blindIndex.of(purpose, normalizedValue);
    }

    /** Where a value lives: its table, column and row. */
    public static byte[] binding(String table, String column, UUID row) {
        return ("records." + table + "." + column + ":" + row).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] keyBinding(UUID patientId) {
        return binding("patient_key", "wrapped_key", patientId);
    }
}
