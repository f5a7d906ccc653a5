package org.eventvfs.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.eventvfs.domain.VfsPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command FTP clients use, against the adapter, with Apache Commons Net's client. */
class FtpCommandsTest {
    private static FtpTestServer server;
    private FTPClient ftp;

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
    }

    @AfterEach
    void logout() throws IOException {
        if (ftp.isConnected()) {
            ftp.disconnect();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private void put(String name, byte[] content) throws IOException {
        assertThat(ftp.storeFile(name, new ByteArrayInputStream(content))).as(ftp.getReplyString()).isTrue();
    }

    private byte[] get(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile(name, out)).as(ftp.getReplyString()).isTrue();
        return out.toByteArray();
    }

    private String stored(String path) {
        return new String(server.volume().read(server.volume().stat(VfsPath.parse("/home/alice" + path)).await()
                .content(), 0, 1 << 20).await().getBytes(), UTF_8);
    }

    @Test
    void storeAndRetrieveAreOneRevisionEach() throws IOException {
        byte[] content = random(300_000, 1);
        long before = server.volume().position();
        put("a.bin", content);
        assertThat(get("a.bin")).isEqualTo(content);
        assertThat(server.volume().position()).as("FileCreated and ContentCommitted in one batch")
                .isEqualTo(before + 2);
        assertThat(ftp.getReplyCode()).isEqualTo(FTPReply.CLOSING_DATA_CONNECTION);
    }

    @Test
    void workingDirectoriesAndFolders() throws IOException {
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        assertThat(ftp.makeDirectory("dir")).isTrue();
        assertThat(ftp.changeWorkingDirectory("dir")).isTrue();
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/dir");
        put("inner.txt", "x".getBytes(UTF_8));
        assertThat(ftp.changeToParentDirectory()).isTrue();
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        assertThat(ftp.changeWorkingDirectory("missing")).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.removeDirectory("dir")).as("not empty").isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.deleteFile("dir/inner.txt")).isTrue();
        assertThat(ftp.removeDirectory("dir")).isTrue();
        assertThat(ftp.makeDirectory("dir")).isTrue();
        assertThat(ftp.makeDirectory("dir")).as("exists").isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
    }

    @Test
    void appendAndResumeInBothDirections() throws IOException {
        put("log.txt", "one\n".getBytes(UTF_8));
        assertThat(ftp.appendFile("log.txt", new ByteArrayInputStream("two\n".getBytes(UTF_8)))).isTrue();
        assertThat(stored("/log.txt")).isEqualTo("one\ntwo\n");

        byte[] whole = random(200_000, 2);
        put("resumed.bin", Arrays.copyOf(whole, 70_000));
        ftp.setRestartOffset(70_000);
        assertThat(ftp.storeFile("resumed.bin", new ByteArrayInputStream(whole, 70_000, whole.length - 70_000)))
                .as(ftp.getReplyString()).isTrue();
        assertThat(get("resumed.bin")).isEqualTo(whole);

        ftp.setRestartOffset(150_000);
        assertThat(get("resumed.bin")).isEqualTo(Arrays.copyOfRange(whole, 150_000, whole.length));

        ftp.setRestartOffset(999_999);
        assertThat(ftp.storeFile("resumed.bin", new ByteArrayInputStream(new byte[1]))).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(get("resumed.bin")).isEqualTo(whole);
    }

    @Test
    void largeTransfersWholeAndFromAnOffsetAcrossTheReadAheadWindows() throws IOException {
        byte[] whole = random(3 * VfsFtpFile.STREAM_BUFFER * 4 + 12_345, 3);
        put("large.bin", whole);
        assertThat(get("large.bin")).isEqualTo(whole);

        int offset = VfsFtpFile.STREAM_BUFFER * 4 - 1_000;
        ftp.setRestartOffset(offset);
        assertThat(get("large.bin")).isEqualTo(Arrays.copyOfRange(whole, offset, whole.length));
    }

    @Test
    void retrieveRefusesWhatItCannotSendAndKeepsServing() throws IOException {
        assertThat(ftp.sendCommand("RETR")).as("no name").isEqualTo(501);
        put("here.txt", "h".getBytes(UTF_8));
        assertThat(ftp.makeDirectory("folder")).isTrue();
        assertThat(ftp.retrieveFile("folder", new ByteArrayOutputStream())).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.getReplyString()).contains("not a plain file");
        assertThat(ftp.retrieveFile("missing.txt", new ByteArrayOutputStream())).isFalse();
        assertThat(ftp.getReplyString()).startsWith("550").contains("no such file");
        assertThat(get("here.txt")).isEqualTo("h".getBytes(UTF_8));
    }

    @Test
    void retrieveBeforeAnyPasvOrPortIsOutOfSequence() throws IOException {
        put("early.txt", "e".getBytes(UTF_8));
        FTPClient fresh = server.login("alice");
        try {
            assertThat(fresh.sendCommand("RETR", "early.txt")).as("no PASV or PORT yet").isEqualTo(503);
            assertThat(fresh.retrieveFile("early.txt", new ByteArrayOutputStream())).isTrue();
        } finally {
            fresh.disconnect();
        }
    }

    @Test
    void renameDeleteAndTheirErrors() throws IOException {
        put("old.txt", "o".getBytes(UTF_8));
        put("taken.txt", "t".getBytes(UTF_8));
        assertThat(ftp.rename("old.txt", "new.txt")).isTrue();
        assertThat(ftp.rename("new.txt", "taken.txt")).as("replaces, like rename(2)").isTrue();
        assertThat(stored("/taken.txt")).isEqualTo("o");
        assertThat(ftp.rename("missing.txt", "x.txt")).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.deleteFile("taken.txt")).isTrue();
        assertThat(ftp.deleteFile("taken.txt")).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.retrieveFile("taken.txt", new ByteArrayOutputStream())).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
    }

    @Test
    void listingsInEveryForm() throws IOException {
        ftp.makeDirectory("list");
        ftp.changeWorkingDirectory("list");
        put("b.txt", "bb".getBytes(UTF_8));
        put(".hidden", "h".getBytes(UTF_8));
        ftp.makeDirectory("sub");

        assertThat(ftp.listFiles()).extracting(FTPFile::getName).containsExactlyInAnyOrder(".hidden", "b.txt", "sub");
        assertThat(ftp.listNames()).containsExactlyInAnyOrder(".hidden", "b.txt", "sub");
        FTPFile[] machine = ftp.mlistDir();
        assertThat(machine).extracting(FTPFile::getName).containsExactlyInAnyOrder(".hidden", "b.txt", "sub");
        FTPFile b = Arrays.stream(machine).filter(f -> f.getName().equals("b.txt")).findFirst().orElseThrow();
        assertThat(b.getSize()).isEqualTo(2);
        assertThat(b.isFile()).isTrue();
        FTPFile sub = ftp.mlistFile("sub");
        assertThat(sub.isDirectory()).isTrue();
        assertThat(ftp.listFiles("/list/b.txt")).extracting(FTPFile::getSize).containsExactly(2L);
    }

    @Test
    void sizesTimesAndHashes() throws IOException, NoSuchAlgorithmException {
        byte[] content = random(100_000, 3);
        put("h.bin", content);
        assertThat(ftp.getSize("h.bin")).isEqualTo("100000");
        assertThat(ftp.setModificationTime("h.bin", "20200102030405")).as(ftp.getReplyString()).isTrue();
        assertThat(ftp.getModificationTime("h.bin")).isEqualTo("20200102030405.000");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(ftp.sendCommand("HASH", "h.bin")).isEqualTo(213);
        assertThat(ftp.getReplyString().trim()).isEqualTo("213 SHA-256 0-99999 " + sha + " h.bin");
        assertThat(ftp.sendCommand("XSHA256", "h.bin")).isEqualTo(213);
        assertThat(ftp.getReplyString().trim()).isEqualTo("213 " + sha);
        assertThat(ftp.sendCommand("HASH", "missing.bin")).isEqualTo(550);
        assertThat(ftp.getSize("missing.bin")).isNull();
        assertThat(ftp.getReplyCode()).isEqualTo(550);
    }

    @Test
    void featuresOptionsTypesAndStatus() throws IOException {
        assertThat(ftp.features()).isTrue();
        assertThat(ftp.getReplyStrings()).contains(" HASH SHA-256*", " MFMT", " REST STREAM", " UTF8", " SIZE")
                .noneMatch(line -> line.contains("AUTH"));
        assertThat(ftp.sendCommand("OPTS", "UTF8 ON")).isEqualTo(200);
        assertThat(ftp.sendCommand("STAT")).isEqualTo(211);

        assertThat(ftp.setFileType(FTP.ASCII_FILE_TYPE)).isTrue();
        assertThat(ftp.storeFile("text.txt", new ByteArrayInputStream("a\r\nb\r\n".getBytes(UTF_8)))).isTrue();
        assertThat(stored("/text.txt")).as("CRLF becomes the server's line end").isEqualTo("a\nb\n");
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("text.txt", ascii)).isTrue();
        assertThat(ascii.toString(UTF_8)).as("sent as CRLF, which the client turns into its line end")
                .isEqualTo("a" + System.lineSeparator() + "b" + System.lineSeparator());
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        assertThat(get("text.txt")).isEqualTo("a\nb\n".getBytes(UTF_8));

        assertThat(ftp.abort()).as("ABOR with nothing in flight").isTrue();
        assertThat(ftp.logout()).isTrue();
        assertThat(ftp.getReplyCode()).isEqualTo(221);
    }

    @Test
    void unicodeNames() throws IOException {
        put("résumé ☃.txt", "u".getBytes(UTF_8));
        assertThat(ftp.listNames()).contains("résumé ☃.txt");
        assertThat(stored("/résumé ☃.txt")).isEqualTo("u");
    }
}
