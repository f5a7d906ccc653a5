package org.eventvfs.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.eventvfs.HistoryFolder;
import org.eventvfs.domain.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-only history folder over FTP, with Apache Commons Net's client. */
class FtpHistoryTest {
    private static final String REFUSAL = "the history folder is read-only";

    private static FtpTestServer server;
    private FTPClient ftp;
    /** The past tree in which {@code doc.txt} held its first revision. */
    private String past;

    @BeforeAll
    static void start() {
        server = new FtpTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void login() throws IOException {
        ftp = server.login("alice");
        ftp.makeDirectory("dir");
        put("doc.txt", "first revision");
        past = "/.history/@" + server.volume().position();
        put("doc.txt", "second");
    }

    @AfterEach
    void logout() throws IOException {
        if (ftp.isConnected()) {
            ftp.disconnect();
        }
    }

    private void put(String name, String content) throws IOException {
        assertThat(ftp.storeFile(name, new ByteArrayInputStream(content.getBytes(UTF_8))))
                .as(ftp.getReplyString()).isTrue();
    }

    private String get(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile(name, out)).as(ftp.getReplyString()).isTrue();
        return out.toString(UTF_8);
    }

    @Test
    void aPastRevisionIsBrowsedAndDownloaded() throws IOException {
        assertThat(Arrays.stream(ftp.listFiles("/")).map(FTPFile::getName)).as("not in the home listing")
                .doesNotContain(".history");
        assertThat(ftp.changeWorkingDirectory(".history")).as(ftp.getReplyString()).isTrue();
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/.history");
        assertThat(Arrays.stream(ftp.listFiles()).map(FTPFile::getName))
                .containsExactlyInAnyOrderElementsOf(HistoryFolder.entries(server.volume()).stream()
                        .map(HistoryFolder.Entry::name).toList());
        assertThat(ftp.changeWorkingDirectory(past.substring("/.history/".length()))).isTrue();
        assertThat(Arrays.stream(ftp.listFiles()).map(FTPFile::getName)).containsExactlyInAnyOrder("dir", "doc.txt");
        assertThat(get("doc.txt")).isEqualTo("first revision");
        assertThat(ftp.listFiles("doc.txt")[0].hasPermission(FTPFile.USER_ACCESS, FTPFile.WRITE_PERMISSION))
                .as("listed read-only").isFalse();
        assertThat(ftp.changeWorkingDirectory("/")).isTrue();
        assertThat(ftp.listFiles("doc.txt")[0].hasPermission(FTPFile.USER_ACCESS, FTPFile.WRITE_PERMISSION))
                .isTrue();
        assertThat(get("doc.txt")).isEqualTo("second");

        assertThat(ftp.sendCommand("SIZE", past + "/doc.txt")).isEqualTo(213);
        assertThat(ftp.getReplyString()).contains(" 14");
        assertThat(ftp.getModificationTime(past + "/doc.txt")).isNotNull();
        assertThat(ftp.sendCommand("HASH", past + "/doc.txt")).isEqualTo(213);
        assertThat(ftp.getReplyString()).contains(HexFormat.of().formatHex(Sha256.newDigest()
                .digest("first revision".getBytes(UTF_8))));
        assertThat(ftp.retrieveFile("/.history/@999999/doc.txt", new ByteArrayOutputStream())).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
    }

    @Test
    void everyWriteInTheFolderIsRefusedWith550() throws IOException {
        long before = server.volume().position();
        assertThat(ftp.storeFile(past + "/doc.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
        refused();
        assertThat(ftp.storeFile(past + "/new.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
        refused();
        assertThat(ftp.appendFile(past + "/doc.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
        refused();
        assertThat(ftp.makeDirectory(past + "/made")).isFalse();
        refused();
        assertThat(ftp.removeDirectory(past + "/dir")).isFalse();
        refused();
        assertThat(ftp.removeDirectory(past)).isFalse();
        refused();
        assertThat(ftp.deleteFile(past + "/doc.txt")).isFalse();
        refused();
        assertThat(ftp.rename(past + "/doc.txt", "/restored.txt")).as("moving out takes it from the past").isFalse();
        refused();
        assertThat(ftp.rename("doc.txt", past + "/moved.txt")).isFalse();
        refused();
        assertThat(ftp.setModificationTime(past + "/doc.txt", "20200101000000")).isFalse();
        refused();
        assertThat(ftp.changeWorkingDirectory(past)).isTrue();
        assertThat(ftp.storeUniqueFile(new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
        refused();

        assertThat(server.volume().position()).as("nothing written").isEqualTo(before);
        assertThat(get(past + "/doc.txt")).isEqualTo("first revision");
    }

    private void refused() {
        assertThat(ftp.getReplyCode()).as(ftp.getReplyString()).isEqualTo(550);
        assertThat(ftp.getReplyString()).contains(REFUSAL);
    }
}
