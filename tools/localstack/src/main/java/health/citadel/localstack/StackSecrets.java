package health.citadel.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every secret of one local stack, generated on the first {@code up} and kept in {@code secrets.properties}
 * (mode 0600) under {@code $CITADEL_HOME}. Nothing secret is ever committed.
 */
final class StackSecrets {

    static final String DBA_PASSWORD = "postgres.dba.password";
    static final String OWNER_PASSWORD = "postgres.owner.password";
    static final String APP_PASSWORD = "postgres.app.password";
    static final String REPLICATOR_PASSWORD = "postgres.replicator.password";
    static final String MONITOR_PASSWORD = "postgres.monitor.password";
    static final String DR_OPERATOR_PASSWORD = "postgres.dr-operator.password";
    static final String KEYCLOAK_ADMIN_PASSWORD = "keycloak.admin.password";
    static final String PORTAL_CLIENT_SECRET = "keycloak.portal.client-secret";
    static final String ACCESS_REVIEW_CLIENT_SECRET = "keycloak.access-review.client-secret";
    static final String KEYSTORE_PASSWORD = "tls.keystore.password";
    static final String DEMO_PATIENT_ID = "demo.patient.id";
    /** Signs the alert webhook's deliveries: Standard Webhooks' form, whsec_ and 32 random bytes in base64. */
    static final String ALERT_WEBHOOK_SECRET = "audit.alert-webhook.secret";

    /** 32 Base32 characters encode the 160-bit key RFC 4226 recommends for HMAC-SHA1. */
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** The random passwords and client secrets, as opposed to the per-user ones. */
    private static final String[] GENERATED = {DBA_PASSWORD, OWNER_PASSWORD, APP_PASSWORD, REPLICATOR_PASSWORD,
            MONITOR_PASSWORD, KEYCLOAK_ADMIN_PASSWORD, PORTAL_CLIENT_SECRET, ACCESS_REVIEW_CLIENT_SECRET, KEYSTORE_PASSWORD};
    /** Generated secrets that came after the first release: added to an older home's file when it is opened. */
    private static final String[] ADDED_LATER = {DR_OPERATOR_PASSWORD, ALERT_WEBHOOK_SECRET};
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Properties values;

    private StackSecrets(Properties values) {
        this.values = values;
    }

    static StackSecrets loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        SecureRandom random = new SecureRandom();
        Properties generated = new Properties();
        for (String key : Stream.concat(Stream.of(GENERATED), Stream.of(ADDED_LATER)).toList()) {
            generated.setProperty(key, generate(key, random));
        }
        generated.setProperty(DEMO_PATIENT_ID, UUID.randomUUID().toString());
        for (DemoUser user : DemoUser.values()) {
            generated.setProperty(passwordKey(user), demoPassword(random));
            if (user.staff) {
                generated.setProperty(totpKey(user), random(random, BASE32, 32));
            }
        }
        try {
            Files.createFile(file, StackHome.OWNER_ONLY_FILE);
            try (Writer out = Files.newBufferedWriter(file)) {
                generated.store(out, "Citadel local stack secrets: generated, never commit");
            }
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new StackSecrets(generated);
    }

    private static StackSecrets load(Path file) {
        Properties loaded = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            loaded.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StackException(StackHome.corrupt(file, "cannot be read"), e);
        }
        addMissing(file, loaded);
        StackSecrets secrets = new StackSecrets(loaded);
        for (String key : GENERATED) {
            secrets.require(file, key);
        }
        secrets.require(file, DEMO_PATIENT_ID);
        for (DemoUser user : DemoUser.values()) {
            secrets.require(file, passwordKey(user));
            if (user.staff) {
                secrets.require(file, totpKey(user));
            }
        }
        return secrets;
    }

    private static void addMissing(Path file, Properties loaded) {
        SecureRandom random = new SecureRandom();
        StringBuilder added = new StringBuilder();
        for (String key : ADDED_LATER) {
            if (loaded.getProperty(key) == null) {
                String value = generate(key, random);
                loaded.setProperty(key, value);
                added.append(key).append('=').append(value).append('\n');
            }
        }
        if (!added.isEmpty()) {
            try {
                Files.writeString(file, added, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static String generate(String key, SecureRandom random) {
        if (ALERT_WEBHOOK_SECRET.equals(key)) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return "whsec_" + Base64.getEncoder().encodeToString(bytes);
        }
        return random(random, ALPHANUMERIC, 32);
    }

    private void require(Path file, String key) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new StackException(StackHome.corrupt(file, "has no value for " + key));
        }
    }

    String get(String key) {
        return values.getProperty(key);
    }

    String password(DemoUser user) {
        return values.getProperty(passwordKey(user));
    }

    /** The user's TOTP secret in Base32, as authenticator apps and the realm take it; null for patients. */
    String totpSecret(DemoUser user) {
        return values.getProperty(totpKey(user));
    }

    private static String passwordKey(DemoUser user) {
        return "demo." + user.username + ".password";
    }

    private static String totpKey(DemoUser user) {
        return "demo." + user.username + ".totp";
    }

    /** Meets the realm's password policy: length, upper and lower case, digits and a special character. */
    private static String demoPassword(SecureRandom random) {
        return random(random, "ABCDEFGHJKLMNPQRSTUVWXYZ", 2) + random(random, "abcdefghijkmnopqrstuvwxyz", 8)
                + random(random, "23456789", 4) + random(random, "-_.!", 2);
    }

    private static String random(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
