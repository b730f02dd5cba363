package health.citadel.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a file that must never be in an image looks like: by its name (keystores, private keys, the local stack's
 * secrets and keysets, a Liberty {@code server.env}) or, for the few small text files whose content is read, by what
 * it holds (a PEM private key, a Tink keyset with secret material, a password assignment).
 */
final class SecretFiles {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(\\.p12|\\.pfx|\\.jks|\\.jceks|\\.key|\\.keystore|/server\\.env|/secrets\\.properties"
                    + "|/keyset[^/]*\\.json|/[^/]*-kek\\.json|/[^/]*blind-index[^/]*\\.json|/audit-signing\\.json"
                    + "|/dr-backup\\.json)$");
    private static final Pattern PRIVATE_PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** A Tink keyset whose keys are secret (symmetric or private; a public keyset is fine). */
    private static final Pattern SECRET_KEYSET = Pattern.compile(
            "\"primaryKeyId\"[\\s\\S]*\"keyMaterialType\"\\s*:\\s*\"(SYMMETRIC|ASYMMETRIC_PRIVATE)\"");
    private static final Pattern PASSWORD_ASSIGNMENT = Pattern.compile("(?im)^\\s*[A-Z0-9_.]*(PASSWORD|SECRET)[A-Z0-9_.]*\\s*=\\s*\\S+");

    private SecretFiles() {
    }

    /** Whether a file's content is read for {@link #byContent}: small text files of the kinds that carry secrets. */
    static boolean worthReading(String path, long size) {
        String lower = path.toLowerCase(Locale.ROOT);
        return size < 256 * 1024 && (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".json")
                || lower.endsWith(".env") || lower.endsWith(".properties") || lower.endsWith(".xml")
                || lower.endsWith(".options"));
    }

    /** Why the path names a secret, if it does. */
    static Optional<String> byName(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        return SECRET_NAME.matcher(absolute).matches() ? Optional.of(absolute + " is named like a secret") : Optional.empty();
    }

    /** Why the content is a secret, if it is. */
    static Optional<String> byContent(String path, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (PRIVATE_PEM.matcher(text).find()) {
            return Optional.of(path + " holds a PEM private key");
        }
        if (SECRET_KEYSET.matcher(text).find()) {
            return Optional.of(path + " holds a Tink keyset with secret key material");
        }
        if ((path.endsWith(".env") || path.endsWith(".properties")) && PASSWORD_ASSIGNMENT.matcher(text).find()) {
            return Optional.of(path + " assigns a password or secret");
        }
        return Optional.empty();
    }
}
