package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;
import org.eventvfs.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SftpAdapterTest {
    @Test
    void theServerFindsItAsSftpOnPort2222() {
        List<ProtocolAdapter> adapters = ServiceLoader.load(ProtocolAdapter.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(adapters).singleElement().satisfies(adapter -> {
            assertThat(adapter.name()).isEqualTo("sftp");
            assertThat(adapter.defaultPort()).isEqualTo(2222);
        });
    }

    @Test
    void portZeroPicksAFreePortAndReportsIt() {
        try (TestServer server = new TestServer()) {
            assertThat(server.port).isPositive();
            assertThat(canBind(server.port)).as("the reported port is the one in use").isFalse();
        }
    }

    @Test
    void aTakenPortFailsTheStartClearlyAndStopReleasesIt() throws IOException {
        try (TestServer server = new TestServer()) {
            SftpAdapter second = new SftpAdapter();
            Future<String> start = second.start(new AdapterContext(server.vertx, server.vfs, "127.0.0.1", server.port,
                    server.data.resolve("second"), Map.of()));
            assertThat(Await.failure(start)).hasMessageContaining("port " + server.port + " on 127.0.0.1 cannot be used");
            Await.result(second.stop());

            int port = server.port;
            server.adapter.stop().await();
            assertThat(canBind(port)).as("stop releases the port").isTrue();
        }
    }

    @Test
    void anUnknownSettingFailsTheStartNamingIt() {
        try (TestServer server = new TestServer()) {
            Future<String> start = new SftpAdapter().start(new AdapterContext(server.vertx, server.vfs, "127.0.0.1", 0,
                    server.data, Map.of("maxAuthTry", 3)));
            assertThat(Await.failure(start)).hasMessageContaining("sftp.maxAuthTry is not a setting");
        }
    }

    @Test
    void theHostKeysSurviveARestart() throws Exception {
        Path data;
        PublicKey first;
        try (TestServer server = new TestServer()) {
            data = server.data;
            first = hostKey(server.port);
            server.adapter.stop().await();
            SftpAdapter again = new SftpAdapter();
            String address = again.start(new AdapterContext(server.vertx, server.vfs, "127.0.0.1", 0, data,
                    Map.of())).await();
            try {
                PublicKey second = hostKey(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
                assertThat(KeyUtils.compareKeys(first, second)).isTrue();
                assertThat(KeyUtils.getKeyType(second)).as("ed25519 is preferred").isEqualTo("ssh-ed25519");
            } finally {
                again.stop().await();
            }
            assertThat(Files.exists(data.resolve("hostkeys/ssh_host_ed25519_key"))).isTrue();
        }
    }

    private static PublicKey hostKey(int port) throws IOException {
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, remote, key) -> {
            seen.set(key);
            return true;
        });
        client.start();
        try (ClientSession session = client.connect("nobody", "127.0.0.1", port).verify(SshClients.TIMEOUT)
                .getClientSession()) {
            session.waitFor(List.of(ClientSession.ClientSessionEvent.WAIT_AUTH), SshClients.TIMEOUT);
            return seen.get();
        } finally {
            client.stop();
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
