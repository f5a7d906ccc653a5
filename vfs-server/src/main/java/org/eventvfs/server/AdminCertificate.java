package org.eventvfs.server;

import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The admin port's TLS certificate: the PEM files {@code admin.certificate} and
 * {@code admin.privateKey} name, else a self-signed one made on the first start in
 * {@code <data>/admin-tls/} (key 0600) and kept, so that its fingerprint, logged at every start,
 * stays the one an operator pinned.
 *
 * @param fingerprint the SHA-256 of the certificate, as {@code openssl x509 -fingerprint -sha256} prints it
 * @param publicKeyPin the SHA-256 of its public key, as {@code curl --pinnedpubkey} takes it
 */
record AdminCertificate(Path certificate, Path privateKey, String fingerprint, String publicKeyPin) {
    static final String FOLDER = "admin-tls";
    static final String CERTIFICATE_FILE = "certificate.pem";
    static final String KEY_FILE = "private-key.pem";
    /** Pinned rather than checked by a CA, so a long life spares operators a re-pin each year. */
    private static final Duration VALIDITY = Duration.ofDays(10 * 365);

    /** Reads (or first makes) the certificate; blocking file and key work, so call it on a worker. */
    static AdminCertificate load(AdminSettings settings, Path dataFolder, String bind) {
        Path certificate;
        Path key;
        if (settings.certificate() != null) {
            certificate = Path.of(settings.certificate());
            key = Path.of(settings.privateKey());
        } else {
            Path folder = dataFolder.resolve(FOLDER);
            certificate = folder.resolve(CERTIFICATE_FILE);
            key = folder.resolve(KEY_FILE);
            if (!Files.exists(certificate) || !Files.exists(key)) {
                selfSigned(folder, certificate, key, bind);
            }
        }
        X509Certificate first = read(certificate);
        return new AdminCertificate(certificate, key, HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(sha256(encoded(first))), "sha256//" + Base64.getEncoder().encodeToString(
                sha256(first.getPublicKey().getEncoded())));
    }

    PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions().setCertPath(certificate.toString()).setKeyPath(privateKey.toString());
    }

    /**
     * An EC P-256 key and a certificate for localhost, the loopback addresses and the bind address
     * (unless it is a wildcard), so that {@code curl --cacert} accepts it on those names.
     */
    private static void selfSigned(Path folder, Path certificate, Path key, String bind) {
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.deleteIfExists(certificate);
            Files.deleteIfExists(key);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=eventvfs admin");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    names(bind).toArray(GeneralName[]::new)));
            X509Certificate signed = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            Pem.createPrivate(key, "PRIVATE KEY", pair.getPrivate().getEncoded());
            Files.writeString(certificate, Pem.encode("CERTIFICATE", signed.getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new CommandFailure("cannot make a certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<GeneralName> names(String bind) {
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
        boolean wildcard = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
        if (!wildcard && !ConfigValues.isLoopback(bind)) {
            boolean address = bind.matches("[0-9.]+") || bind.contains(":");
            names.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName,
                    bind.replace("[", "").replace("]", "")));
        }
        return names;
    }

    private static X509Certificate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(file + ": no such certificate file");
        } catch (IOException | GeneralSecurityException e) {
            throw new CommandFailure(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate just read cannot be encoded", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
