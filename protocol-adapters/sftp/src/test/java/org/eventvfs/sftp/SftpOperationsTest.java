package org.eventvfs.sftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.CheckFileNameExtension;
import org.apache.sshd.sftp.client.extensions.CopyDataExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHLimitsExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHLimitsExtensionInfo;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatPathExtension;
import org.apache.sshd.sftp.client.RawSftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eventvfs.LiveSession;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;

/** Every SFTP v3 operation and extension through SSHD's client, checked through the Vfs. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpOperationsTest {
    private static final String PASSWORD = "correct horse battery staple";

    private TestServer server;
    private SshClients clients;
    private SftpClient sftp;

    @BeforeAll
    void start() {
        server = new TestServer();
        server.addUser("alice", PASSWORD, List.of(), false);
        server.addUser("reader", PASSWORD, List.of(), true);
        clients = new SshClients();
    }

    @AfterAll
    void stop() {
        clients.close();
        server.close();
    }

    @BeforeEach
    void login() throws IOException {
        sftp = clients.sftp(server.port, "alice", PASSWORD);
    }

    @AfterEach
    void logout() throws IOException {
        sftp.close();
    }

    private Node node(String pathInVolume) {
        return server.volume().stat(VfsPath.parse(pathInVolume)).await();
    }

    private boolean exists(String pathInVolume) {
        try {
            node(pathInVolume);
            return true;
        } catch (VfsException.NotFound e) {
            return false;
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private void put(String path, byte[] content) throws IOException {
        try (CloseableHandle handle = sftp.open(path, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
            sftp.write(handle, 0, content);
        }
    }

    private byte[] get(SftpClient client, String path) throws IOException {
        try (InputStream in = client.read(path)) {
            return in.readAllBytes();
        }
    }

    private static void assertStatus(int status, ThrowingCallable call) {
        SftpException e = catchThrowableOfType(SftpException.class, call);
        assertThat(e).as("expected status %s", SftpConstants.getStatusName(status)).isNotNull();
        assertThat(e.getStatus()).as(e.getMessage()).isEqualTo(status);
    }

    @Test
    void writesAtOffsetsAndReadsBack() throws IOException {
        byte[] content = random(300_000, 1);
        try (CloseableHandle handle = sftp.open("/big", OpenMode.Write, OpenMode.Create, OpenMode.Exclusive)) {
            // Out of order, as clients with several requests in flight send them.
            sftp.write(handle, 200_000, content, 200_000, 100_000);
            sftp.write(handle, 0, content, 0, 200_000);
        }
        assertThat(get(sftp, "/big")).isEqualTo(content);
        Node stored = node("/home/alice/big");
        assertThat(stored.content().size()).isEqualTo(content.length);
        assertThat(stored.content().sha256().toBytes())
                .isEqualTo(org.eventvfs.domain.Sha256.newDigest().digest(content));

        byte[] part = new byte[1000];
        try (CloseableHandle handle = sftp.open("/big", OpenMode.Read)) {
            assertThat(sftp.read(handle, 123_456, part)).isEqualTo(1000);
            assertThat(sftp.read(handle, content.length, part)).as("at the end").isEqualTo(-1);
        }
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(content, 123_456, 124_456));
    }

    @Test
    void anUploadIsOneRevisionCommittedAtClose() throws IOException {
        put("/doc", "old".getBytes(UTF_8));
        try (CloseableHandle handle = sftp.open("/doc", OpenMode.Write, OpenMode.Truncate)) {
            sftp.write(handle, 0, "new content".getBytes(UTF_8));
            assertThat(node("/home/alice/doc").content().size()).as("not yet visible").isEqualTo(3);
        }
        assertThat(get(sftp, "/doc")).isEqualTo("new content".getBytes(UTF_8));
    }

    @Test
    void exclusiveCreateOfAnExistingFileFails() throws IOException {
        put("/taken", new byte[] {1});
        assertStatus(SftpConstants.SSH_FX_FAILURE,
                () -> sftp.open("/taken", OpenMode.Write, OpenMode.Create, OpenMode.Exclusive));
    }

    @Test
    void statLstatFstatAndSetstat() throws IOException {
        put("/s", new byte[1234]);
        sftp.symLink("/s-link", "/s");

        Attributes stat = sftp.stat("/s");
        assertThat(stat.getSize()).isEqualTo(1234);
        assertThat(stat.isRegularFile()).isTrue();
        assertThat(stat.getPermissions() & 07777).isEqualTo(0644);
        assertThat(sftp.stat("/s-link").isRegularFile()).as("stat follows links").isTrue();
        assertThat(sftp.lstat("/s-link").isSymbolicLink()).as("lstat does not").isTrue();
        try (CloseableHandle handle = sftp.open("/s", OpenMode.Read)) {
            assertThat(sftp.stat(handle).getSize()).isEqualTo(1234);
        }

        sftp.setStat("/s", new Attributes().perms(0600));
        long mtime = 1_700_000_000L;
        sftp.setStat("/s", new Attributes().modifyTime(mtime, TimeUnit.SECONDS).accessTime(mtime, TimeUnit.SECONDS));
        Node stored = node("/home/alice/s");
        assertThat(stored.mode()).isEqualTo(0600);
        assertThat(stored.modified()).isEqualTo(mtime * 1000);
        assertThat(sftp.stat("/s").getModifyTime()).isEqualTo(FileTime.from(mtime, TimeUnit.SECONDS));

        sftp.setStat("/s", new Attributes().size(10));
        assertThat(node("/home/alice/s").content().size()).as("setstat size truncates").isEqualTo(10);
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/missing"));
    }

    @Test
    void directoriesAreMadeListedAndRemoved() throws IOException {
        sftp.mkdir("/d");
        put("/d/one", new byte[1]);
        put("/d/two", new byte[2]);
        sftp.mkdir("/d/sub");

        List<String> names = new ArrayList<>();
        try (CloseableHandle dir = sftp.openDir("/d")) {
            List<DirEntry> page;
            while ((page = sftp.readDir(dir)) != null) {
                page.forEach(entry -> names.add(entry.getFilename()));
            }
        }
        assertThat(names).contains("one", "two", "sub");
        assertThat(node("/home/alice/d/sub").isDirectory()).isTrue();

        assertStatus(SftpConstants.SSH_FX_FAILURE, () -> sftp.mkdir("/d"));
        assertStatus(SftpConstants.SSH_FX_FAILURE, () -> sftp.rmdir("/d"));
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.rmdir("/nothing"));
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.openDir("/nothing"));
        sftp.rmdir("/d/sub");
        sftp.remove("/d/one");
        sftp.remove("/d/two");
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.remove("/d/two"));
        sftp.rmdir("/d");
        assertThat(exists("/home/alice/d")).isFalse();
    }

    @Test
    void version6ClientsGetTheFinerStatusCodes() throws IOException {
        sftp.mkdir("/v6");
        put("/v6/file", new byte[1]);
        try (SftpClient v6 = SshClients.sftp(clients.login(server.port, "alice", PASSWORD), 6)) {
            assertThat(v6.getVersion()).isEqualTo(6);
            assertStatus(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, () -> v6.mkdir("/v6"));
            assertStatus(SftpConstants.SSH_FX_DIR_NOT_EMPTY, () -> v6.rmdir("/v6"));
            assertStatus(SftpConstants.SSH_FX_INVALID_FILENAME, () -> v6.mkdir("/" + "x".repeat(300)));
        }
    }

    @Test
    void renameRefusesToReplaceAndPosixRenameReplaces() throws IOException {
        put("/r1", "one".getBytes(UTF_8));
        put("/r2", "two".getBytes(UTF_8));
        assertStatus(SftpConstants.SSH_FX_FAILURE, () -> sftp.rename("/r1", "/r2"));
        long id = node("/home/alice/r1").id();

        sftp.getExtension(OpenSSHPosixRenameExtension.class).posixRename("/r1", "/r2");
        assertThat(exists("/home/alice/r1")).isFalse();
        assertThat(node("/home/alice/r2").id()).as("the same node, moved").isEqualTo(id);
        assertThat(get(sftp, "/r2")).isEqualTo("one".getBytes(UTF_8));

        sftp.rename("/r2", "/r3");
        assertThat(node("/home/alice/r3").id()).isEqualTo(id);
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.rename("/r-missing", "/r4"));
    }

    @Test
    void symlinksAndRealpath() throws IOException {
        sftp.mkdir("/links");
        put("/links/target", "t".getBytes(UTF_8));
        sftp.symLink("/links/rel", "target");
        assertThat(sftp.readLink("/links/rel")).isEqualTo("target");
        assertThat(get(sftp, "/links/rel")).isEqualTo("t".getBytes(UTF_8));
        assertThat(node("/home/alice/links/rel").target()).isEqualTo("target");

        assertThat(sftp.canonicalPath(".")).isEqualTo("/");
        assertThat(sftp.canonicalPath("/links/../links/./target")).isEqualTo("/links/target");
        assertThat(sftp.canonicalPath("/../../..")).isEqualTo("/");
    }

    @Test
    void dotDotNeverLeavesTheHome() throws IOException {
        sftp.mkdir("/../../escape");
        put("/../../../escape/file", "x".getBytes(UTF_8));
        assertThat(node("/home/alice/escape/file").isFile()).isTrue();
        assertThat(exists("/escape")).isFalse();
        assertThat(exists("/home/escape")).isFalse();
        assertThat(sftp.canonicalPath("../..")).isEqualTo("/");
    }

    @Test
    void absoluteSymlinkTargetsStayInsideTheHome() throws IOException {
        server.volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/secret"), 0755), Actor.SYSTEM)
                .await();
        server.volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/secret/inner"), 0755),
                Actor.SYSTEM).await();
        sftp.symLink("/abs", "/secret");
        sftp.symLink("/up", "../../secret");
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/abs/inner"));
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/up/inner"));
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> put("/abs/through", new byte[1]));
        assertThat(exists("/secret/through")).isFalse();

        // An absolute target names a path in the home, whatever the volume holds above it.
        sftp.mkdir("/made");
        sftp.symLink("/inside", "/made");
        put("/inside/through", "x".getBytes(UTF_8));
        assertThat(node("/home/alice/made/through").isFile()).isTrue();
        sftp.symLink("/volume-path", "/home/alice/made");
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/volume-path/through"));
    }

    @Test
    void oversizedNamesGetAClearStatusAndChangeNothing() {
        long before = server.volume().position();
        SftpException e = catchThrowableOfType(SftpException.class, () -> sftp.mkdir("/" + "n".repeat(256)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("255");
        assertThat(e.getStatus()).as("OpenSSH's sftp-server answers ENAMETOOLONG so")
                .isEqualTo(SftpConstants.SSH_FX_BAD_MESSAGE);
        assertStatus(SftpConstants.SSH_FX_BAD_MESSAGE, () -> put("/" + "é".repeat(128), new byte[1]));
        assertThat(server.volume().position()).isEqualTo(before);
    }

    @Test
    void statvfsReportsTheStore() throws IOException {
        OpenSSHStatExtensionInfo info = sftp.getExtension(OpenSSHStatPathExtension.class).stat("/");
        assertThat(info.f_frsize).isEqualTo(4096);
        assertThat(info.f_blocks).isPositive();
        assertThat(info.f_bavail).isPositive().isLessThanOrEqualTo(info.f_blocks);
        assertThat(info.f_namemax).isEqualTo(255);
        assertThat(info.f_flag & OpenSSHStatExtensionInfo.SSH_FXE_STATVFS_ST_RDONLY).isZero();
    }

    @Test
    void fsyncCommitsBeforeClose() throws IOException {
        try (CloseableHandle handle = sftp.open("/synced", OpenMode.Write, OpenMode.Create)) {
            sftp.write(handle, 0, "durable".getBytes(UTF_8));
            sftp.getExtension(OpenSSHFsyncExtension.class).fsync(handle);
            assertThat(node("/home/alice/synced").content().size()).isEqualTo(7);
        }
    }

    @Test
    void copyDataCopiesOnTheServer() throws IOException {
        byte[] content = random(200_000, 2);
        put("/copy-src", content);
        try (CloseableHandle from = sftp.open("/copy-src", OpenMode.Read);
             CloseableHandle to = sftp.open("/copy-dst", OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
            sftp.getExtension(CopyDataExtension.class).copyData(from, 0, 0, to, 0);
        }
        assertThat(get(sftp, "/copy-dst")).isEqualTo(content);
        assertThat(node("/home/alice/copy-dst").content())
                .as("the copy takes over the source's content: no byte was read or written")
                .isSameAs(node("/home/alice/copy-src").content());
    }

    @Test
    void copyDataCopiesARangeToAnOffsetAndRefusesOverlaps() throws IOException {
        put("/range-src", "0123456789".getBytes(UTF_8));
        put("/range-dst", "abcdefghij".getBytes(UTF_8));
        CopyDataExtension copy = sftp.getExtension(CopyDataExtension.class);
        try (CloseableHandle from = sftp.open("/range-src", OpenMode.Read);
             CloseableHandle to = sftp.open("/range-dst", OpenMode.Read, OpenMode.Write)) {
            copy.copyData(from, 2, 3, to, 8);
            assertStatus(SftpConstants.SSH_FX_BAD_MESSAGE, () -> copy.copyData(to, 0, 4, to, 2));
            assertStatus(SftpConstants.SSH_FX_PERMISSION_DENIED, () -> copy.copyData(from, 0, 1, from, 5));
        }
        assertThat(get(sftp, "/range-dst")).isEqualTo("abcdefgh234".getBytes(UTF_8));
    }

    @Test
    void checkFileAnswersTheStoredSha256() throws IOException {
        byte[] content = random(70_000, 3);
        put("/hashed", content);
        Map.Entry<String, Collection<byte[]>> hash = sftp.getExtension(CheckFileNameExtension.class)
                .checkFileName("/hashed", List.of("sha256"), 0, 0, 0);
        assertThat(hash.getKey()).isEqualTo("sha256");
        assertThat(hash.getValue()).singleElement()
                .isEqualTo(node("/home/alice/hashed").content().sha256().toBytes());
    }

    @Test
    void limitsAreAdvertised() throws IOException {
        OpenSSHLimitsExtensionInfo limits = sftp.getExtension(OpenSSHLimitsExtension.class).limits();
        assertThat(limits.maxReadLength).isPositive();
        assertThat(limits.maxWriteLength).isPositive();
    }

    @Test
    void hardLinksAreUnsupported() throws IOException {
        put("/linked", new byte[1]);
        RawSftpClient raw = (RawSftpClient) sftp;
        Buffer request = new ByteArrayBuffer();
        request.putString("hardlink@openssh.com");
        request.putString("/linked");
        request.putString("/hard");
        int id = raw.send(SftpConstants.SSH_FXP_EXTENDED, request);
        Buffer reply = raw.receive(id);
        reply.getInt();
        assertThat(reply.getUByte()).isEqualTo(SftpConstants.SSH_FXP_STATUS);
        assertThat(reply.getInt()).isEqualTo(id);
        assertThat(reply.getInt()).isEqualTo(SftpConstants.SSH_FX_OP_UNSUPPORTED);
        assertThat(exists("/home/alice/hard")).isFalse();
    }

    @Test
    void readOnlyUsersReadButEveryWriteIsDenied() throws IOException {
        put("/shared", "visible".getBytes(UTF_8));
        sftp.mkdir("/shared-dir");
        long before = server.volume().position();
        try (SftpClient reader = clients.sftp(server.port, "reader", PASSWORD)) {
            assertThat(reader.readDir("/")).isNotNull();
            int denied = SftpConstants.SSH_FX_PERMISSION_DENIED;
            assertStatus(denied, () -> reader.open("/new", OpenMode.Write, OpenMode.Create));
            assertStatus(denied, () -> reader.mkdir("/d"));
            assertStatus(denied, () -> reader.symLink("/l", "/x"));
            assertStatus(denied, () -> reader.setStat("/", new Attributes().perms(0700)));
        }
        assertThat(server.volume().position()).isEqualTo(before);
    }

    @Test
    void readOnlyUserCannotTouchExistingFiles() throws IOException {
        server.volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/reader/dir"), 0755),
                Actor.SYSTEM).await();
        server.volume().execute(new VolumeCommand.CreateFile(VfsPath.parse("/home/reader/file"), 0644,
                org.eventvfs.domain.Overwrite.NEVER), Actor.SYSTEM).await();
        long before = server.volume().position();
        try (SftpClient reader = clients.sftp(server.port, "reader", PASSWORD)) {
            int denied = SftpConstants.SSH_FX_PERMISSION_DENIED;
            assertThat(get(reader, "/file")).isEmpty();
            assertStatus(denied, () -> reader.open("/file", OpenMode.Write));
            assertStatus(denied, () -> reader.remove("/file"));
            assertStatus(denied, () -> reader.rmdir("/dir"));
            assertStatus(denied, () -> reader.rename("/file", "/moved"));
            assertStatus(denied, () -> reader.setStat("/file", new Attributes().perms(0600)));
            assertStatus(denied, () -> reader.getExtension(OpenSSHPosixRenameExtension.class)
                    .posixRename("/file", "/moved"));
            OpenSSHStatExtensionInfo info = reader.getExtension(OpenSSHStatPathExtension.class).stat("/");
            assertThat(info.f_flag & OpenSSHStatExtensionInfo.SSH_FXE_STATVFS_ST_RDONLY).isNotZero();
        }
        assertThat(server.volume().position()).isEqualTo(before);
    }

    @Test
    void everyChangeCarriesTheSessionsActor() throws IOException {
        sftp.mkdir("/audited");
        EventEnvelope created = server.events().stream()
                .filter(e -> e.type().equals("DirectoryCreated"))
                .reduce((first, second) -> second).orElseThrow();
        Actor actor = created.actor();
        assertThat(actor.user()).isEqualTo("alice");
        assertThat(actor.protocol()).isEqualTo("sftp");
        int clientPort = ((java.net.InetSocketAddress) sftp.getSession().getLocalAddress()).getPort();
        assertThat(actor.address()).isEqualTo("127.0.0.1:" + clientPort);
        assertThat(actor.session()).startsWith("sftp-");
        assertThat(server.vfs.sessions().list()).extracting(LiveSession::id).contains(actor.session());
        assertThat(actor.client()).startsWith("SSH-2.0-").contains("SSHD");
    }

    @Test
    void writesStreamThroughLargeFiles() throws IOException {
        byte[] content = random(3 * 1024 * 1024 + 17, 4);
        try (java.io.OutputStream out = sftp.write("/large")) {
            out.write(content);
        }
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        try (InputStream in = sftp.read("/large")) {
            in.transferTo(back);
        }
        assertThat(back.toByteArray()).isEqualTo(content);
        assertThat(node("/home/alice/large").content().blocks()).hasSizeGreaterThan(1);
    }

    @Test
    void openModesAreHonoured() throws IOException {
        put("/modes", "12345".getBytes(UTF_8));
        try (CloseableHandle handle = sftp.open("/modes", EnumSet.of(OpenMode.Write, OpenMode.Append))) {
            sftp.write(handle, 0, "67".getBytes(UTF_8));
        }
        assertThat(get(sftp, "/modes")).isEqualTo("1234567".getBytes(UTF_8));
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.open("/nope", OpenMode.Read));
        assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.open("/no-dir/file", OpenMode.Write,
                OpenMode.Create));
    }
}
