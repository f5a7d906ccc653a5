package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;

/** SFTP packets written by hand: bad ones get a status or end their own channel, never the server. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedPacketTest {
    private static final String PASSWORD = "pw-for-raw-packets";

    private TestServer server;
    private SshClients clients;

    @BeforeAll
    void start() {
        server = new TestServer();
        server.addUser("alice", PASSWORD, List.of(), false);
        clients = new SshClients();
    }

    @AfterAll
    void stop() {
        clients.close();
        server.close();
    }

    /** A raw SFTP channel, past INIT and VERSION. */
    private final class RawChannel implements AutoCloseable {
        final ClientSession session;
        final ChannelSubsystem channel;
        final DataOutputStream out;
        final DataInputStream in;

        RawChannel() throws IOException {
            session = clients.login(server.port, "alice", PASSWORD);
            channel = session.createSubsystemChannel("sftp");
            channel.open().verify(SshClients.TIMEOUT);
            out = new DataOutputStream(channel.getInvertedIn());
            in = new DataInputStream(channel.getInvertedOut());
            out.writeInt(5);
            out.writeByte(SftpConstants.SSH_FXP_INIT);
            out.writeInt(3);
            out.flush();
            byte[] version = reply();
            assertThat(version[0]).isEqualTo((byte) SftpConstants.SSH_FXP_VERSION);
        }

        void send(byte[] packet) throws IOException {
            out.write(packet);
            out.flush();
        }

        /** The next reply, without its length. */
        byte[] reply() throws IOException {
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return body;
        }

        @Override
        public void close() throws IOException {
            session.close();
        }
    }

    private static byte[] packet(int declaredLength, int type, int id, byte[] rest) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        try {
            data.writeInt(declaredLength);
            data.writeByte(type);
            data.writeInt(id);
            data.write(rest);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] string(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 + text.length);
        buffer.putInt(text.length).put(text);
        return buffer.array();
    }

    @Test
    void aTruncatedRequestGetsBadMessageAndTheChannelGoesOn() throws IOException {
        long before = server.volume().position();
        try (RawChannel raw = new RawChannel()) {
            // OPEN whose file name claims 1000 bytes but carries 3.
            byte[] truncated = {0, 0, 3, (byte) 0xe8, 'a', 'b', 'c'};
            raw.send(packet(1 + 4 + truncated.length, SftpConstants.SSH_FXP_OPEN, 7, truncated));
            java.nio.ByteBuffer status = java.nio.ByteBuffer.wrap(raw.reply());
            assertThat(status.get()).isEqualTo((byte) SftpConstants.SSH_FXP_STATUS);
            assertThat(status.getInt()).isEqualTo(7);
            assertThat(status.getInt()).isEqualTo(SftpConstants.SSH_FX_BAD_MESSAGE);
            byte[] message = new byte[status.getInt()];
            status.get(message);
            assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("malformed SSH_FXP_OPEN request");

            // MKDIR without its attributes.
            byte[] name = string("/half-made");
            raw.send(packet(1 + 4 + name.length, SftpConstants.SSH_FXP_MKDIR, 8, name));
            java.nio.ByteBuffer second = java.nio.ByteBuffer.wrap(raw.reply());
            second.get();
            assertThat(second.getInt()).isEqualTo(8);
            assertThat(second.getInt()).isEqualTo(SftpConstants.SSH_FX_BAD_MESSAGE);

            byte[] dot = string(".");
            raw.send(packet(1 + 4 + dot.length, SftpConstants.SSH_FXP_REALPATH, 9, dot));
            byte[] realpath = raw.reply();
            assertThat(realpath[0]).as("the channel still answers").isEqualTo((byte) SftpConstants.SSH_FXP_NAME);
        }
        assertThat(server.volume().position()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aPacketTooShortToAnswerEndsOnlyItsChannel() throws IOException {
        try (RawChannel raw = new RawChannel(); SftpClient bystander = clients.sftp(server.port, "alice", PASSWORD)) {
            raw.send(new byte[] {0, 0, 0, 1, SftpConstants.SSH_FXP_OPEN});
            assertThat(raw.in.read()).as("the channel is closed").isEqualTo(-1);
            bystander.mkdir("/still-served");
            assertThat(bystander.stat("/still-served").isDirectory()).isTrue();
        }
        try (SftpClient later = clients.sftp(server.port, "alice", PASSWORD)) {
            assertThat(later.canonicalPath("/still-served")).isEqualTo("/still-served");
        }
    }

    @Test
    void anAbsurdLengthEndsOnlyItsConnection() throws IOException {
        try (RawChannel raw = new RawChannel(); SftpClient bystander = clients.sftp(server.port, "alice", PASSWORD)) {
            raw.send(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2, 3, 4, 5});
            assertThat(raw.in.read()).isEqualTo(-1);
            assertThat(bystander.canonicalPath(".")).isEqualTo("/");
        }
    }
}
