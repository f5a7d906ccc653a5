package org.eventvfs.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's host keys, ed25519 first and RSA 3072 for older clients, generated on first start
 * into {@code <data>/hostkeys/} in OpenSSH's format (owner-only, like {@code /etc/ssh}) and reused
 * after, so clients that trusted the server keep trusting it. A key that cannot be read or written
 * fails the start: a server that quietly made up a new key each run would teach users to ignore
 * host-key warnings. (SSHD's own generator provider only logs such failures.)
 */
final class HostKeys {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeys.class);
    private static final String FOLDER = "hostkeys";

    private enum Kind {
        ED25519("ssh_host_ed25519_key", KeyPairProvider.SSH_ED25519, 256),
        RSA("ssh_host_rsa_key", KeyPairProvider.SSH_RSA, 3072);

        final String file;
        final String type;
        final int bits;

        Kind(String file, String type, int bits) {
            this.file = file;
            this.type = type;
            this.bits = bits;
        }
    }

    private HostKeys() {
    }

    /** Loads the keys under {@code dataDirectory}, generating those that are missing. Blocks: RSA takes a while. */
    static KeyPairProvider load(Path dataDirectory) throws IOException {
        Path folder = dataDirectory.resolve(FOLDER);
        Files.createDirectories(folder);
        List<KeyPair> keys = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            keys.add(loadOrGenerate(kind, folder.resolve(kind.file)));
        }
        return KeyPairProvider.wrap(keys);
    }

    private static KeyPair loadOrGenerate(Kind kind, Path file) throws IOException {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            KeyPair key = KeyUtils.generateKeyPair(kind.type, kind.bits);
            write(key, file);
            LOG.info("sftp: generated host key {} {}", file, KeyUtils.getFingerPrint(key.getPublic()));
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("host key " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterator<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null)
                    .iterator();
            if (!keys.hasNext()) {
                throw new IOException("host key " + file + " holds no key; remove it to have a new one generated");
            }
            return keys.next();
        }
    }

    /** Writes beside the target and moves into place, so a crash never leaves half a key. */
    private static void write(KeyPair key, Path file) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "eventvfs host key", null, encoded);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(partial, encoded.toByteArray());
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"),
                PublicKeyEntry.toString(key.getPublic()) + " eventvfs host key\n");
    }
}
