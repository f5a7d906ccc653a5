package org.eventvfs.sftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.SftpVersionSelector;

/** SSHD's own client, logging in over loopback; SFTP at version 3, as OpenSSH's client speaks it. */
final class SshClients implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SshClient client = SshClient.setUpDefaultClient();

    SshClients() {
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    ClientSession connect(int port, String user) throws IOException {
        return connect(port, user, "127.0.0.1");
    }

    /** Connects from {@code from}, any address of the loopback network 127.0.0.0/8. */
    ClientSession connect(int port, String user, String from) throws IOException {
        return client.connect(user, "127.0.0.1", port, new InetSocketAddress(from, 0)).verify(TIMEOUT)
                .getClientSession();
    }

    ClientSession login(int port, String user, String password) throws IOException {
        return login(port, user, password, "127.0.0.1");
    }

    ClientSession login(int port, String user, String password, String from) throws IOException {
        ClientSession session = connect(port, user, from);
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    ClientSession login(int port, String user, KeyPair key) throws IOException {
        ClientSession session = connect(port, user);
        session.addPublicKeyIdentity(key);
        session.auth().verify(TIMEOUT);
        return session;
    }

    /** An SFTP client that closes its session when closed. */
    SftpClient sftp(int port, String user, String password) throws IOException {
        return sftp(login(port, user, password), 3);
    }

    static SftpClient sftp(ClientSession session, int version) throws IOException {
        return SftpClientFactory.instance()
                .createSftpClient(session, SftpVersionSelector.fixedVersionSelector(version))
                .singleSessionInstance();
    }

    @Override
    public void close() {
        client.stop();
    }
}
