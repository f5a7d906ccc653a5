package org.eventvfs.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upload commits only when its data connection ends cleanly: one that breaks or that ABOR
 * interrupts leaves the file's last revision, and the log records the aborted upload.
 */
class FtpUploadAbortTest {
    private FtpTestServer server;
    private FTPClient ftp;

    @BeforeEach
    void start() throws IOException {
        server = new FtpTestServer();
        ftp = server.login("alice");
        assertThat(ftp.storeFile("f.txt", new ByteArrayInputStream("first revision".getBytes(UTF_8)))).isTrue();
    }

    @AfterEach
    void stop() throws IOException {
        if (ftp.isConnected()) {
            ftp.disconnect();
        }
        server.close();
    }

    private String content() {
        var node = server.volume().stat(VfsPath.parse("/home/alice/f.txt")).await();
        return new String(server.volume().read(node.content(), 0, 1 << 20).await().getBytes(), UTF_8);
    }

    private VolumeEvent.UploadAborted awaitAbortRecorded() {
        awaitTrue(() -> server.events().stream().anyMatch(e -> e.payload() instanceof VolumeEvent.UploadAborted));
        List<EventEnvelope> events = server.events();
        EventEnvelope aborted = events.stream().filter(e -> e.payload() instanceof VolumeEvent.UploadAborted)
                .findFirst().orElseThrow();
        assertThat(aborted.actor().user()).isEqualTo("alice");
        assertThat(aborted.actor().protocol()).isEqualTo("ftp");
        return (VolumeEvent.UploadAborted) aborted.payload();
    }

    @Test
    void abortDuringAnUploadKeepsTheLastRevision() throws IOException {
        OutputStream upload = ftp.storeFileStream("f.txt");
        assertThat(upload).as(ftp.getReplyString()).isNotNull();
        sendMoreThanBuffersHold(upload);

        abort(upload);

        VolumeEvent.UploadAborted aborted = awaitAbortRecorded();
        assertThat(aborted.name()).isEqualTo("f.txt");
        assertThat(aborted.reason()).contains("ABOR");
        assertThat(content()).isEqualTo("first revision");
        assertThat(ftp.storeFile("f.txt", new ByteArrayInputStream("after".getBytes(UTF_8))))
                .as("the session goes on").isTrue();
        assertThat(content()).isEqualTo("after");
    }

    @Test
    void aBrokenDataConnectionKeepsTheLastRevision() throws IOException {
        ftp.setSocketFactory(new javax.net.SocketFactory() {
            private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

            @Override
            public Socket createSocket() throws IOException {
                Socket socket = plain.createSocket();
                // Closing sends a reset instead of an orderly end: the connection broke.
                socket.setSoLinger(true, 0);
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return plain.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                    throws IOException {
                return plain.createSocket(host, port, local, localPort);
            }

            @Override
            public Socket createSocket(java.net.InetAddress host, int port) throws IOException {
                return plain.createSocket(host, port);
            }

            @Override
            public Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
                    throws IOException {
                return plain.createSocket(host, port, local, localPort);
            }
        });
        OutputStream upload = ftp.storeFileStream("f.txt");
        upload.write(new byte[200_000]);
        upload.flush();
        upload.close();

        assertThat(ftp.completePendingCommand()).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(426);
        VolumeEvent.UploadAborted aborted = awaitAbortRecorded();
        assertThat(aborted.reason()).contains("data connection");
        assertThat(content()).isEqualTo("first revision");
    }

    @Test
    void aNewFileWhoseUploadBrokeIsNotCreated() throws IOException {
        OutputStream upload = ftp.storeFileStream("new.bin");
        sendMoreThanBuffersHold(upload);
        abort(upload);
        awaitAbortRecorded();
        assertThat(ftp.listNames()).containsExactly("f.txt");
    }

    /** Returns once the server reads the upload: more than the sockets' buffers can hold is sent. */
    private static void sendMoreThanBuffersHold(OutputStream upload) throws IOException {
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 24; i++) {
            upload.write(chunk);
        }
        upload.flush();
    }

    /** RFC 959: the interrupted STOR is answered 426, then ABOR itself 226. */
    private void abort(OutputStream upload) throws IOException {
        ftp.abort();
        assertThat(ftp.getReplyCode()).as(ftp.getReplyString()).isEqualTo(426);
        assertThat(ftp.getReply()).as(ftp.getReplyString()).isEqualTo(226);
        upload.close();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within 10 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
