package org.eventvfs.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The ed25519 key that signs checkpoints, with the JDK's own {@code Ed25519}: a PKCS#8 PEM private
 * key file, made once (0600) in the data folder unless one is named, and public keys as X.509
 * ({@code -----BEGIN PUBLIC KEY-----}, what {@code openssl pkey -pubout} writes).
 */
final class CheckpointKeys {
    static final String KEY_FILE = "checkpoint.key";
    static final String PUBLIC_KEY_FILE = "checkpoint.pub";
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";

    private CheckpointKeys() {
    }

    /** The data folder's key, made (with its public key beside it) on first use. */
    static KeyPair ofDataFolder(Path dataFolder) {
        Path file = dataFolder.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            create(file, dataFolder.resolve(PUBLIC_KEY_FILE));
        }
        return read(file);
    }

    /** A PKCS#8 PEM ed25519 private key, with the public key that belongs to it. */
    static KeyPair read(Path file) {
        byte[] der;
        try {
            der = pem(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_PEM, file);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(file + ": no such key file");
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            var key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
            return fromSeed(seed);
        } catch (GeneralSecurityException | ClassCastException | java.util.NoSuchElementException e) {
            throw new CommandFailure(file + ": not an ed25519 private key in PKCS#8 PEM form ("
                    + "openssl genpkey -algorithm ed25519 makes one)");
        }
    }

    /** An X.509 PEM public key file, or the base64 DER a checkpoint carries. */
    static PublicKey readPublic(Path file) {
        try {
            return publicKey(pem(Files.readString(file, StandardCharsets.US_ASCII), PUBLIC_PEM, file));
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CommandFailure(file + ": not an ed25519 public key in PEM form");
        }
    }

    static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key's X.509 form. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void create(Path file, Path publicFile) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(file.getParent());
            Pem.createPrivate(file, PRIVATE_PEM, pair.getPrivate().getEncoded());
            Files.writeString(publicFile, Pem.encode(PUBLIC_PEM, pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            // Another command made it at the same moment: use theirs.
        } catch (IOException | GeneralSecurityException e) {
            throw new CommandFailure("cannot make the checkpoint key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JDK has no call that derives an ed25519 public key from a private one, but its key pair
     * generator takes the 32-byte seed from the random source it is given: handed the seed, it
     * makes the pair that belongs to it (RFC 8032, section 5.1.5).
     */
    private static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair();
    }

    private static byte[] pem(String text, String type, Path file) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new CommandFailure(file + ": expected a PEM block " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(file + ": the PEM block is not base64");
        }
    }
}
