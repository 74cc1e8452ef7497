package dev.userkit.mail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed server certificate for "localhost" only, made with the JDK's keytool,
 * and an SSLContext that trusts exactly that certificate.
 */
final class TestCertificate {
    static final String PASSWORD = "changeit";

    final Path keyStore;

    private TestCertificate(Path keyStore) {
        this.keyStore = keyStore;
    }

    /** Generates a key pair and certificate with subject alternative name DNS:localhost (and no IP). */
    static TestCertificate forLocalhost() {
        try {
            Path dir = Files.createTempDirectory("userkit-smtp-tls");
            Path file = dir.resolve("server.p12");
            Path log = dir.resolve("keytool.log");
            // deleteOnExit runs in reverse order of registration: files first, then the directory.
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            log.toFile().deleteOnExit();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + Files.readString(log));
            }
            return new TestCertificate(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An SSLContext whose only trust anchor is this certificate. */
    SSLContext trustingContext() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
