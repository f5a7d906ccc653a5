package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {
    @TempDir
    Path data;

    private static List<KeyPair> keys(KeyPairProvider provider) throws Exception {
        List<KeyPair> keys = new ArrayList<>();
        provider.loadKeys(null).forEach(keys::add);
        return keys;
    }

    @Test
    void ed25519AndRsaAreGeneratedOwnerOnly() throws Exception {
        List<KeyPair> keys = keys(HostKeys.load(data));
        assertThat(keys).extracting(KeyUtils::getKeyType).containsExactly("ssh-ed25519", "ssh-rsa");
        assertThat(((RSAPublicKey) keys.get(1).getPublic()).getModulus().bitLength()).isEqualTo(3072);
        for (String file : List.of("ssh_host_ed25519_key", "ssh_host_rsa_key")) {
            Path key = data.resolve("hostkeys").resolve(file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
            assertThat(Files.readString(key.resolveSibling(file + ".pub"))).startsWith(
                    file.contains("ed25519") ? "ssh-ed25519 " : "ssh-rsa ");
        }
    }

    @Test
    void theSameKeysComeBackOnTheNextStart() throws Exception {
        List<KeyPair> first = keys(HostKeys.load(data));
        List<KeyPair> second = keys(HostKeys.load(data));
        for (int i = 0; i < first.size(); i++) {
            assertThat(KeyUtils.compareKeys(first.get(i).getPublic(), second.get(i).getPublic())).isTrue();
        }
    }

    @Test
    void aDamagedKeyFailsInsteadOfBeingReplaced() throws Exception {
        HostKeys.load(data);
        Path key = data.resolve("hostkeys/ssh_host_rsa_key");
        Files.writeString(key, "not a key");
        assertThatThrownBy(() -> HostKeys.load(data)).isInstanceOf(IOException.class)
                .hasMessageContaining(key.toString());
        assertThat(Files.readString(key)).isEqualTo("not a key");
    }
}
