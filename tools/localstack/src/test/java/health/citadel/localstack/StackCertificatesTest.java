package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCertificatesTest {

    @TempDir
    Path home;

    @Test
    void theServerCertificateIsIssuedByTheAuthorityForLoopbackAndKeptWhileCurrent() throws Exception {
        StackCertificates certificates = new StackCertificates(new StackHome(home));
        certificates.ensure();
        X509Certificate server = read(certificates.certificate(StackCertificates.POSTGRES));

        assertDoesNotThrow(() -> server.verify(read(certificates.authority()).getPublicKey()));
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")), server.getSubjectAlternativeNames()
                .stream().map(name -> List.of(name.get(0), name.get(1))).toList());
        for (Path file : List.of(certificates.authority(), certificates.certificate(StackCertificates.POSTGRES),
                certificates.key(StackCertificates.POSTGRES))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }

        certificates.ensure();
        assertEquals(server, read(certificates.certificate(StackCertificates.POSTGRES)), "a current certificate is kept");
    }

    @Test
    void aNewAuthorityIssuesTheServerCertificateAgain() throws Exception {
        StackCertificates certificates = new StackCertificates(new StackHome(home));
        certificates.ensure();
        X509Certificate first = read(certificates.certificate(StackCertificates.POSTGRES));
        Files.delete(certificates.authority());

        certificates.ensure();
        X509Certificate second = read(certificates.certificate(StackCertificates.POSTGRES));
        assertNotEquals(first, second);
        assertDoesNotThrow(() -> second.verify(read(certificates.authority()).getPublicKey()));
    }

    @Test
    void eachServerHasItsOwnKeyAndLibertysStoresHoldItsChainAndTheAuthorities() throws Exception {
        StackCertificates certificates = new StackCertificates(new StackHome(home));
        certificates.ensure();
        char[] password = "stack-secret".toCharArray();
        certificates.writeLibertyStores(password);

        assertNotEquals(read(certificates.certificate(StackCertificates.KEYCLOAK)).getPublicKey(),
                read(certificates.certificate(StackCertificates.POSTGRES)).getPublicKey());
        X509Certificate authority = read(certificates.authority());
        KeyStore keystore = KeyStore.getInstance(certificates.keystore().toFile(), password);
        Certificate[] chain = keystore.getCertificateChain("citadel");
        assertEquals(List.of(read(certificates.certificate(StackCertificates.LIBERTY)), authority), List.of(chain));
        KeyStore trust = KeyStore.getInstance(certificates.truststore().toFile(), password);
        assertEquals("citadel-local-stack-ca", trust.getCertificateAlias(authority));
        assertTrue(trust.size() > 1, "the public authorities stay trusted for calls beyond the stack");
        for (Path file : List.of(certificates.keystore(), certificates.truststore(),
                certificates.key(StackCertificates.KEYCLOAK), certificates.key(StackCertificates.LIBERTY))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
