import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes the Java runtime's trust store (lib/security/cacerts) from Debian's ca-certificates: the Mozilla roots
 * that ca-certificates-java would have put there had its maintainer script run. Started by debian-jre.sh as a
 * single-file program ({@code java TrustStore.java <folder of .crt files> <cacerts>}), so the image build needs no
 * compiled tool of its own.
 *
 * <p>The store is PKCS#12 without encryption or integrity MAC, as the JDK's own cacerts is since JDK 18: it holds
 * public certificates only, it reads with any password or none ("changeit" included), and with no random salt the
 * same roots give the same bytes, so the runtime layer's digest changes only when a package does.
 */
public final class TrustStore {

    private TrustStore() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        System.setProperty("keystore.pkcs12.certProtectionAlgorithm", "NONE");
        System.setProperty("keystore.pkcs12.macAlgorithm", "NONE");
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java TrustStore.java <folder of .crt files> <cacerts>");
        }
        Path roots = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(roots)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".crt")).sorted().toList();
        }
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                X509Certificate cert = (X509Certificate) x509.generateCertificate(in);
                String name = file.getFileName().toString();
                String alias = name.substring(0, name.length() - ".crt".length()).toLowerCase(Locale.ROOT) + " [debian]";
                store.setCertificateEntry(alias, cert);
            }
        }
        if (store.size() < 100) {
            throw new IllegalStateException("only " + store.size() + " roots in " + roots + ": is ca-certificates unpacked?");
        }
        Files.createDirectories(out.getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            store.store(os, "changeit".toCharArray());
        }
        System.out.println("TrustStore: " + store.size() + " roots in " + out);
    }
}
