package org.eventvfs.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.eventvfs.Upload;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each user sees only their home, read-only users change nothing, and every change names its actor. */
class FtpAccessTest {
    private static FtpTestServer server;

    @BeforeAll
    static void start() {
        server = new FtpTestServer();
        server.volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/secret"), 0755), Actor.SYSTEM)
                .await();
        store("/secret/key", "secret");
        store("/home/reader/doc.txt", "readable");
        server.volume().execute(new VolumeCommand.CreateSymlink(VfsPath.parse("/home/alice/out"), "/../../secret"),
                Actor.SYSTEM).await();
        server.volume().execute(new VolumeCommand.CreateSymlink(VfsPath.parse("/home/alice/up"), "../.."),
                Actor.SYSTEM).await();
    }

    private static void store(String path, String text) {
        Upload upload = server.volume().upload();
        upload.write(Buffer.buffer(text)).await();
        Content content = upload.finish().await();
        server.volume().execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644,
                Overwrite.NEVER, null), Actor.SYSTEM).await();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nothingLeadsOutOfTheHome() throws IOException {
        FTPClient ftp = server.login("alice");
        assertThat(ftp.changeWorkingDirectory("../../..")).isTrue();
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        assertThat(ftp.changeWorkingDirectory("/secret")).isFalse();
        assertThat(ftp.retrieveFile("../../secret/key", new ByteArrayOutputStream())).isFalse();
        assertThat(ftp.retrieveFile("out/key", new ByteArrayOutputStream())).as("absolute link target").isFalse();
        assertThat(ftp.listNames("up")).as("a link up ends at the home")
                .doesNotContain("secret", "home").contains("out", "up");
        assertThat(ftp.storeFile("../../escape.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isTrue();
        assertThat(server.volume().stat(VfsPath.parse("/home/alice/escape.txt")).await()).isNotNull();
        assertThatThrownBy(() -> server.volume().stat(VfsPath.parse("/escape.txt")).await())
                .isInstanceOf(VfsException.NotFound.class);
        ftp.disconnect();
    }

    @Test
    void readOnlyUsersGetPermissionDeniedForEveryWrite() throws IOException {
        FTPClient ftp = server.login("reader");
        long before = server.volume().position();
        assertThat(ftp.storeFile("new.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.appendFile("doc.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.makeDirectory("d")).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.deleteFile("doc.txt")).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.rename("doc.txt", "moved.txt")).isFalse();
        assertThat(ftp.setModificationTime("doc.txt", "20200101000000")).isFalse();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("doc.txt", read)).isTrue();
        assertThat(read.toString(UTF_8)).isEqualTo("readable");
        assertThat(server.volume().position()).isEqualTo(before);
        ftp.disconnect();
    }

    @Test
    void everyChangeIsRecordedWithTheFtpActor() throws IOException {
        FTPClient ftp = server.login("bob");
        long before = server.volume().position();
        ftp.makeDirectory("audited");
        ftp.storeFile("audited/f.txt", new ByteArrayInputStream("x".getBytes(UTF_8)));
        ftp.rename("audited/f.txt", "audited/g.txt");
        ftp.deleteFile("audited/g.txt");
        int localPort = ftp.getLocalPort();
        ftp.disconnect();
        var mine = server.events().stream().filter(e -> e.position() > before).toList();
        assertThat(mine).extracting(EventEnvelope::type)
                .containsExactly("DirectoryCreated", "FileCreated", "ContentCommitted", "NodeMoved", "NodeRemoved");
        assertThat(mine).extracting(EventEnvelope::actor).allSatisfy(actor -> {
            assertThat(actor.user()).isEqualTo("bob");
            assertThat(actor.protocol()).isEqualTo("ftp");
            assertThat(actor.address()).isEqualTo("127.0.0.1:" + localPort);
            assertThat(actor.session()).isNotBlank();
        });
        assertThat(mine).extracting(e -> e.actor().session()).containsOnly(mine.getFirst().actor().session());
    }

    @Test
    void listingsShowOwnersSizesAndTimes() throws IOException {
        FTPClient ftp = server.login("bob");
        ftp.storeFile("sized.bin", new ByteArrayInputStream(new byte[1234]));
        FTPFile file = ftp.mlistFile("sized.bin");
        assertThat(file.getSize()).isEqualTo(1234);
        assertThat(file.getTimestamp()).isNotNull();
        FTPFile listed = java.util.Arrays.stream(ftp.listFiles()).filter(f -> f.getName().equals("sized.bin"))
                .findFirst().orElseThrow();
        assertThat(listed.getUser()).isEqualTo("bob");
        assertThat(listed.getSize()).isEqualTo(1234);
        ftp.disconnect();
    }
}
