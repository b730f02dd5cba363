package health.citadel.localstack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        X509Certificate server = read(certificates.postgresCertificate());

        assertDoesNotThrow(() -> server.verify(read(certificates.authority()).getPublicKey()));
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")), server.getSubjectAlternativeNames()
                .stream().map(name -> List.of(name.get(0), name.get(1))).toList());
        for (Path file : List.of(certificates.authority(), certificates.postgresCertificate(),
                certificates.postgresKey())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }

        certificates.ensure();
        assertEquals(server, read(certificates.postgresCertificate()), "a current certificate is kept");
    }

    @Test
    void aNewAuthorityIssuesTheServerCertificateAgain() throws Exception {
        StackCertificates certificates = new StackCertificates(new StackHome(home));
        certificates.ensure();
        X509Certificate first = read(certificates.postgresCertificate());
        Files.delete(certificates.authority());

        certificates.ensure();
        X509Certificate second = read(certificates.postgresCertificate());
        assertNotEquals(first, second);
        assertDoesNotThrow(() -> second.verify(read(certificates.authority()).getPublicKey()));
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
