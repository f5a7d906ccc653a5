package org.eventvfs.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.eventvfs.testkit.LogRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear reply, changes nothing, and the server goes on serving everyone. */
class FtpBadInputTest {
    private static FtpTestServer server;

    @BeforeAll
    static void start() {
        server = new FtpTestServer(Map.of("activeEnabled", true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void commandsBeforeLoginAreRefused() throws IOException {
        FTPClient ftp = server.connect();
        long before = server.volume().position();
        assertThat(ftp.makeDirectory("d")).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(530);
        assertThat(ftp.sendCommand("STOR", "x")).isEqualTo(530);
        assertThat(ftp.sendCommand("LIST")).isEqualTo(530);
        assertThat(ftp.sendCommand("PASS", "nothing")).as("PASS without USER").isEqualTo(503);
        assertThat(ftp.features()).as("FEAT is answered before login (RFC 2389)").isTrue();
        assertThat(ftp.getReplyStrings()).contains(" UTF8");
        assertThat(server.volume().position()).isEqualTo(before);
        ftp.disconnect();
    }

    @Test
    void wrongPasswordsAreRefusedAndLogged() throws IOException {
        try (LogRecorder log = new LogRecorder(org.eventvfs.BasicLogin.class)) {
            FTPClient ftp = server.connect();
            assertThat(ftp.login("alice", "wrong")).isFalse();
            assertThat(ftp.getReplyCode()).isEqualTo(530);
            assertThat(ftp.login("nobody", "wrong")).isFalse();
            assertThat(ftp.getReplyCode()).isEqualTo(530);
            assertThat(ftp.login("alice", FtpTestServer.PASSWORD)).as("the right one still works").isTrue();
            ftp.disconnect();
            assertThat(log.messages())
                    .anyMatch(m -> m.contains("failed password login for user 'alice' from 127.0.0.1:"));
        }
    }

    /** A remembered password spares Argon2id; it never lets a wrong or an old password in. */
    @Test
    void aRememberedLoginEndsWithItsPassword() throws IOException {
        server.addUser("carol", FtpTestServer.PASSWORD, java.util.List.of(), false);
        assertThat(server.connect().login("carol", FtpTestServer.PASSWORD)).isTrue();
        FTPClient again = server.connect();
        assertThat(again.login("carol", "wrong")).as("not the remembered one").isFalse();
        assertThat(again.login("carol", FtpTestServer.PASSWORD)).as("remembered").isTrue();
        again.disconnect();

        server.vfs.accounts().execute(new org.eventvfs.domain.AccountCommand.ChangePassword("carol",
                org.eventvfs.PasswordHasher.hash("new horse".toCharArray())), org.eventvfs.domain.Actor.cli("test")).await();
        FTPClient changed = server.connect();
        assertThat(changed.login("carol", FtpTestServer.PASSWORD)).as("the old password, remembered before")
                .isFalse();
        assertThat(changed.login("carol", "new horse")).isTrue();
        changed.disconnect();
    }

    @Test
    void overlongLinesGetA500AndTheSessionGoesOn() throws IOException {
        FTPClient ftp = server.login("alice");
        assertThat(ftp.sendCommand("MKD", "d".repeat(5000))).isEqualTo(500);
        assertThat(ftp.getReplyString()).contains("too long");
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        assertThat(ftp.makeDirectory("n".repeat(300))).as("a name over 255 bytes").isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.storeFile("n".repeat(300), new ByteArrayInputStream(new byte[1]))).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.getReplyString()).contains("at most 255 UTF-8 bytes");
        assertThat(ftp.storeFile("bad\0name", new ByteArrayInputStream(new byte[1]))).isFalse();
        assertThat(ftp.getReplyCode()).as("a name FTP cannot carry").isEqualTo(553);
        assertThat(ftp.listNames()).noneMatch(name -> name.startsWith("nnn") || name.startsWith("ddd")
                || name.startsWith("bad"));
        ftp.disconnect();
    }

    @Test
    void portToAnotherHostIsRefused() throws IOException {
        FTPClient ftp = server.login("alice");
        assertThat(ftp.sendCommand("PORT", "192,0,2,7,0,80")).isEqualTo(501);
        assertThat(ftp.sendCommand("EPRT", "|1|192.0.2.7|80|")).isEqualTo(501);
        assertThat(ftp.sendNoOp()).isTrue();
        ftp.disconnect();
    }

    @Test
    void activeModeToTheClientItselfWorksWhenEnabled() throws IOException {
        FTPClient ftp = server.login("alice");
        ftp.enterLocalActiveMode();
        assertThat(ftp.storeFile("active.txt", new ByteArrayInputStream("a".getBytes(UTF_8))))
                .as(ftp.getReplyString()).isTrue();
        ftp.disconnect();
    }

    @Test
    void garbageAndBinaryLinesGetErrorsNotAHangUp() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            out.write("FROB\r\n".getBytes(UTF_8));
            assertThat(in.readLine()).startsWith("5");
            out.write(new byte[] {(byte) 0xc3, (byte) 0x28, '\r', '\n'});
            assertThat(in.readLine()).startsWith("5");
            out.write("USER alice\r\n".getBytes(UTF_8));
            assertThat(in.readLine()).startsWith("331");
        }
    }

    @Test
    void repeatedFailuresBanTheAddressForAWhile() throws IOException {
        try (FtpTestServer strict = new FtpTestServer(Map.of("slowAfter", 2, "banAfter", 3))) {
            for (int i = 0; i < 3; i++) {
                FTPClient ftp = strict.connect();
                assertThat(ftp.login("alice", "wrong")).isFalse();
                ftp.disconnect();
            }
            assertThatThrownBy(strict::connect).isInstanceOf(FTPConnectionClosedException.class)
                    .hasMessageContaining("421");
        }
    }
}
