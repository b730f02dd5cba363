package health.citadel.records.internal.keys;

import health.citadel.platform.crypto.KeyEncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which key-encryption key wraps the chart's data keys, by the deployment's settings: the key in a KMS that
 * {@code citadel.records.kek-uri} names ({@code CITADEL_RECORDS_KEK_URI}), else the keyset file
 * {@code citadel.records.kek-keyset}. A producer rather than an {@code @Alternative} enabled in beans.xml: the same
 * WAR runs with a keyset secret on a cluster and with KMS in the cloud, so the choice is the deployment's setting,
 * read at start, not the archive's. The benchmark's no-op cipher, an alternative with a priority, still wins over it.
 */
@ApplicationScoped
class KeyEncryptionKeySetting {

    @Inject
    @ConfigProperty(name = "citadel.records.kek-uri")
    Optional<String> kmsUri;

    @Inject
    @ConfigProperty(name = "citadel.records.kek-keyset")
    Optional<String> keysetFile;

    @Produces
    @ApplicationScoped
    KeyEncryptionKeys keyEncryptionKeys() {
        if (kmsUri.isPresent()) {
            return KeyEncryptionKeys.kms(kmsUri.get());
        }
        return KeyEncryptionKeys.keysetFile(Path.of(keysetFile.orElseThrow(() -> new IllegalStateException(
                "neither CITADEL_RECORDS_KEK_URI nor CITADEL_RECORDS_KEK_KEYSET is set: no key wraps the chart's data keys"))));
    }
}
