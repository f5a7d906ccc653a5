package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.testkit.LogRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Logins from the user store, and what repeated failures earn an address. Each test connects from
 * its own loopback address (127.0.0.0/8), so the throttle's counts do not mix between tests.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpLoginTest {
    private static final String PASSWORD = "s3cret-enough";

    private final KeyPair ed25519;
    private final KeyPair rsa;
    private final KeyPair stranger;
    private TestServer server;
    private SshClients clients;

    SftpLoginTest() throws Exception {
        ed25519 = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        rsa = KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, 2048);
        stranger = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    @BeforeAll
    void start() {
        server = new TestServer(Map.of("slowAfter", 2, "banAfter", 4, "banMinutes", 1, "maxAuthTries", 3));
        server.addUser("alice", PASSWORD, List.of(
                PublicKeyEntry.toString(ed25519.getPublic()) + " alice@laptop",
                PublicKeyEntry.toString(rsa.getPublic())), false);
        server.addUser("keyonly", null, List.of(PublicKeyEntry.toString(ed25519.getPublic())), false);
        clients = new SshClients();
    }

    @AfterAll
    void stop() {
        clients.close();
        server.close();
    }

    private boolean canLogIn(String user, String password, String from) {
        try (ClientSession session = clients.login(server.port, user, password, from)) {
            return session.isAuthenticated();
        } catch (IOException e) {
            return false;
        }
    }

    private boolean canLogIn(String user, KeyPair key, String from) throws IOException {
        try (ClientSession session = clients.connect(server.port, user, from)) {
            session.addPublicKeyIdentity(key);
            session.auth().verify(SshClients.TIMEOUT);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theRightPasswordLogsInAndTheFileSystemIsTheHome() throws IOException {
        try (SftpClient sftp = SshClients.sftp(clients.login(server.port, "alice", PASSWORD, "127.0.0.11"), 3)) {
            assertThat(sftp.canonicalPath(".")).isEqualTo("/");
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAndLogged() {
        try (LogRecorder log = new LogRecorder(LoginFailures.class)) {
            assertThat(canLogIn("alice", "wrong", "127.0.0.12")).isFalse();
            assertThat(canLogIn("mallory", PASSWORD, "127.0.0.12")).isFalse();
            assertThat(log.messages()).anySatisfy(line -> assertThat(line)
                    .startsWith("WARN sftp: failed password login for user 'alice' from 127.0.0.12:"));
            assertThat(log.messages()).anySatisfy(line -> assertThat(line)
                    .startsWith("WARN sftp: failed password login for user 'mallory' from 127.0.0.12:"));
        }
    }

    @Test
    void listedKeysLogInOthersDoNot() throws IOException {
        assertThat(canLogIn("alice", ed25519, "127.0.0.13")).isTrue();
        assertThat(canLogIn("alice", rsa, "127.0.0.13")).isTrue();
        assertThat(canLogIn("alice", stranger, "127.0.0.13")).isFalse();
        assertThat(canLogIn("nobody", ed25519, "127.0.0.13")).isFalse();
    }

    @Test
    void aDisabledUserIsRefusedWithKeyAndPasswordUntilEnabled() throws IOException {
        server.addUser("dora", PASSWORD, List.of(PublicKeyEntry.toString(rsa.getPublic())), false);
        Actor admin = Actor.cli("root");
        server.vfs.accounts().execute(new AccountCommand.DisableUser("dora"), admin).await();
        assertThat(canLogIn("dora", rsa, "127.0.0.19")).isFalse();
        assertThat(canLogIn("dora", PASSWORD, "127.0.0.19")).isFalse();

        server.vfs.accounts().execute(new AccountCommand.EnableUser("dora"), admin).await();
        assertThat(canLogIn("dora", rsa, "127.0.0.19")).isTrue();
        assertThat(canLogIn("dora", PASSWORD, "127.0.0.19")).isTrue();
    }

    @Test
    void aKeyOnlyUserHasNoPassword() throws IOException {
        assertThat(canLogIn("keyonly", ed25519, "127.0.0.14")).isTrue();
        assertThat(canLogIn("keyonly", "anything", "127.0.0.14")).isFalse();
    }

    @Test
    void oneConnectionGetsMaxAuthTriesAttempts() throws IOException {
        try (ClientSession session = clients.connect(server.port, "alice", "127.0.0.15")) {
            for (int i = 0; i < 3; i++) {
                session.addPasswordIdentity("wrong-" + i);
            }
            session.addPasswordIdentity(PASSWORD);
            assertThatThrownBy(() -> session.auth().verify(SshClients.TIMEOUT)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void repeatedFailuresSlowAnAddressDownThenBanItWhileOthersAreServed() throws Exception {
        String attacker = "127.0.0.16";
        try (LogRecorder log = new LogRecorder(LoginFailures.class)) {
            assertThat(canLogIn("alice", "guess-1", attacker)).isFalse();
            assertThat(canLogIn("alice", "guess-2", attacker)).isFalse();

            long start = System.nanoTime();
            assertThat(canLogIn("alice", "guess-3", attacker)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the third answer waits a second")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));

            // The fourth waits two seconds; meanwhile another address logs in at once.
            CompletableFuture<Boolean> fourth = CompletableFuture.supplyAsync(
                    () -> canLogIn("alice", "guess-4", attacker));
            Thread.sleep(200);
            assertThat(canLogIn("alice", PASSWORD, "127.0.0.17")).isTrue();
            assertThat(fourth).as("still waiting when the other login was done").isNotDone();
            assertThat(fourth.get()).isFalse();

            assertThat(canLogIn("alice", PASSWORD, attacker)).as("banned: even the right password").isFalse();
            assertThat(canLogIn("alice", ed25519, attacker)).as("banned: keys too").isFalse();
            assertThat(canLogIn("alice", PASSWORD, "127.0.0.17")).isTrue();
            assertThat(log.messages()).filteredOn(line -> line.contains("from " + attacker + ":")).hasSize(4);
            assertThat(log.messages()).contains("WARN sftp: refusing " + attacker
                    + " for a while after repeated failed logins");
        }
    }
}
