package health.citadel.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local stack's own certificate authority, made once per stack home, and the certificates it issues to the
 * stack's servers on loopback: both PostgreSQL regions, Keycloak and Liberty. Every client (Liberty's pools and its
 * calls to Keycloak, {@code bin/citadel dr}, the subscriptions, the bench, the tests, the browser) verifies the
 * server against {@link #authority()}, so a connection in clear or to an impostor fails. Keys are EC P-256 in PEM,
 * readable by their owner only; a server's certificate file holds its chain (the server's, then the authority's).
 */
final class StackCertificates {

    /** The servers that get a certificate, each named by its files {@code <server>.crt} and {@code <server>.key}. */
    static final String POSTGRES = "postgres";
    static final String KEYCLOAK = "keycloak";
    static final String LIBERTY = "liberty";
    private static final List<String> SERVERS = List.of(POSTGRES, KEYCLOAK, LIBERTY);
    /** The alias of Liberty's key in its keystore, and of the authority in the trust store. */
    private static final String KEY_ALIAS = "citadel";
    private static final String AUTHORITY_ALIAS = "citadel-local-stack-ca";

    private static final Duration VALIDITY = Duration.ofDays(825);
    /** A server certificate is renewed this long before it expires. */
    private static final Duration RENEWAL = Duration.ofDays(30);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Path tls;

    StackCertificates(StackHome home) {
        this.tls = home.tls();
    }

    /** The authority's certificate: what a client trusts. */
    Path authority() {
        return tls.resolve("ca.crt");
    }

    /** The server's certificate chain in PEM. */
    Path certificate(String server) {
        return tls.resolve(server + ".crt");
    }

    Path key(String server) {
        return tls.resolve(server + ".key");
    }

    /** Liberty's PKCS#12 keystore: its key and chain. */
    Path keystore() {
        return tls.resolve("citadel.p12");
    }

    /** What Liberty trusts when it calls out (Keycloak): the JDK's public authorities and this stack's. */
    Path truststore() {
        return tls.resolve("truststore.p12");
    }

    private Path authorityKey() {
        return tls.resolve("ca.key");
    }

    /** Makes the authority if there is none, and issues each server's certificate if it is missing or expiring. */
    void ensure() {
        try {
            StackHome.ownerOnlyDirectory(tls);
            if (!Files.isRegularFile(authority()) || !Files.isRegularFile(authorityKey())) {
                makeAuthority();
            }
            for (String server : SERVERS) {
                if (!Files.isRegularFile(certificate(server)) || !Files.isRegularFile(key(server))
                        || !current(read(certificate(server)))) {
                    issueServerCertificate(server);
                }
            }
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new StackException("cannot make the stack's TLS certificates in " + tls + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes Liberty's keystore and its trust store from the PEM files, both under {@code password}: rewritten at
     * every start, so a renewed certificate or a new authority reaches Liberty without a step of its own.
     */
    void writeLibertyStores(char[] password) {
        try {
            X509Certificate authority = read(authority());
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(null, null);
            keystore.setKeyEntry(KEY_ALIAS, privateKey(key(LIBERTY)), password,
                    new Certificate[] {read(certificate(LIBERTY)), authority});
            store(keystore, keystore(), password);
            KeyStore publicAuthorities = KeyStore.getInstance(
                    Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(), (char[]) null);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (String alias : Collections.list(publicAuthorities.aliases())) {
                trust.setCertificateEntry(alias, publicAuthorities.getCertificate(alias));
            }
            trust.setCertificateEntry(AUTHORITY_ALIAS, authority);
            store(trust, truststore(), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("cannot write Liberty's keystore in " + tls + ": " + e.getMessage(), e);
        }
    }

    private static void store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        StackHome.writeSecretFile(file, bytes.toByteArray());
    }

    private void makeAuthority() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=Citadel local stack CA, O=Citadel local stack");
        Instant now = Instant.now();
        X509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        StackHome.writeSecretFile(authorityKey(), pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
        StackHome.writeSecretFile(authority(), pem(sign(certificate, keys.getPrivate())));
    }

    /** localhost and 127.0.0.1, as every client names the servers: {@code sslmode=verify-full} checks the name. */
    private void issueServerCertificate(String server)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509Certificate authority = read(authority());
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(authority, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)),
                new X500Name("CN=localhost, OU=" + server + ", O=Citadel local stack"), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(authority))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(keys.getPublic()));
        StackHome.writeSecretFile(key(server), pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
        // the chain, so that a client holding only the authority's key (Chromium's pin) recognises the server
        StackHome.writeSecretFile(certificate(server),
                pem(sign(certificate, privateKey(authorityKey()))) + Files.readString(authority()));
    }

    /** Issued by this authority and not about to expire: otherwise it is issued again. */
    private boolean current(X509Certificate server) throws GeneralSecurityException, IOException {
        if (server.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEWAL))) {
            return false;
        }
        try {
            server.verify(read(authority()).getPublicKey());
            return true;
        } catch (SignatureException | InvalidKeyException otherAuthority) {
            return false;
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static X509Certificate sign(X509v3CertificateBuilder certificate, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                certificate.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    }

    private static X509Certificate read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom());
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
