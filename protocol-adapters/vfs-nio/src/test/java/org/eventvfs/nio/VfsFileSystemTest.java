package org.eventvfs.nio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract on eventvfs, plus what only eventvfs promises: confinement, read-only users, audit. */
class VfsFileSystemTest extends FileSystemContractTest {
    private static final Actor ALICE = new Actor("alice", "test", "127.0.0.1:1", "s-1", "junit");

    private Vertx vertx;
    private Path data;
    private VfsOptions options;
    private Vfs vfs;
    private FileSystem fs;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        data = StoreFixture.tempDirectory();
        options = VfsOptions.embedded(data).withBlockSize(1024 * 1024);
        vfs = Vfs.open(vertx, options).await();
        volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/home"), 0755), Actor.SYSTEM).await();
        volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/alice"), 0755), Actor.SYSTEM).await();
        volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/secret"), 0755), Actor.SYSTEM).await();
        fs = VfsFileSystems.forUser(vfs, account(false), ALICE);
    }

    @AfterEach
    void close() {
        if (vfs != null) {
            vfs.close().await();
        }
        vertx.close().await();
        StoreFixture.delete(data);
    }

    private Volume volume() {
        return vfs.volume("main").await();
    }

    private static Account account(boolean readOnly) {
        return new Account("alice", null, List.of(), "main", VfsPath.parse("/home/alice"), readOnly, false,
                Account.State.ACTIVE, null);
    }

    @Override
    protected Path root() {
        return fs.getPath("/");
    }

    @Test
    void theHomeIsTheRootAndNothingLeadsOut() throws IOException {
        Files.writeString(fs.getPath("/../../secret-attempt"), "x");
        assertThat(volume().stat(VfsPath.parse("/home/alice/secret-attempt")).await().isFile()).isTrue();
        assertThat(Files.exists(fs.getPath("/../secret"))).isFalse();
        Files.createSymbolicLink(fs.getPath("/abs"), fs.getPath("/../../secret"));
        Files.createSymbolicLink(fs.getPath("/rel"), fs.getPath("../../.."));
        assertThat(Files.exists(fs.getPath("/abs"))).as("an absolute target starts at the home").isFalse();
        Files.createDirectory(fs.getPath("/rel/escaped"));
        assertThat(volume().stat(VfsPath.parse("/home/alice/escaped")).await().isDirectory()).isTrue();
        assertThat(fs.getPath("/rel/escaped").toRealPath().toString()).isEqualTo("/escaped");
    }

    @Test
    void readOnlyUsersCannotChangeAnything() throws IOException {
        Files.writeString(fs.getPath("/f"), "x");
        FileSystem readOnly = VfsFileSystems.forUser(vfs, account(true), ALICE);
        long before = volume().position();
        assertThat(Files.readString(readOnly.getPath("/f"))).isEqualTo("x");
        assertThatThrownBy(() -> Files.writeString(readOnly.getPath("/f"), "y"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.delete(readOnly.getPath("/f"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.createDirectory(readOnly.getPath("/d")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.move(readOnly.getPath("/f"), readOnly.getPath("/g")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.setLastModifiedTime(readOnly.getPath("/f"),
                java.nio.file.attribute.FileTime.fromMillis(1))).isInstanceOf(AccessDeniedException.class);
        assertThat(volume().position()).isEqualTo(before);
    }

    @Test
    void aWriteIsInvisibleUntilCloseAndThenOneRevision() throws IOException {
        Files.writeString(fs.getPath("/f"), "old");
        long before = volume().position();
        try (OutputStream out = Files.newOutputStream(fs.getPath("/f"))) {
            out.write("new ".getBytes(UTF_8));
            out.flush();
            assertThat(Files.readString(fs.getPath("/f"))).isEqualTo("old");
            out.write("content".getBytes(UTF_8));
        }
        assertThat(Files.readString(fs.getPath("/f"))).isEqualTo("new content");
        assertThat(volume().position()).as("one ContentCommitted").isEqualTo(before + 1);
    }

    @Test
    void oversizedNamesAndHardLinksGetClearErrors() {
        assertThatThrownBy(() -> Files.createDirectory(fs.getPath("/" + "n".repeat(256))))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("255");
        assertThatThrownBy(() -> Files.createLink(fs.getPath("/l"), fs.getPath("/x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theStoredSha256NeedsNoRead() throws IOException {
        Files.writeString(fs.getPath("/f"), "hello");
        byte[] sha = (byte[]) Files.getAttribute(fs.getPath("/f"), "vfs:sha256");
        assertThat(java.util.HexFormat.of().formatHex(sha))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        Files.createDirectory(fs.getPath("/d"));
        assertThatThrownBy(() -> Files.getAttribute(fs.getPath("/d"), "vfs:sha256"))
                .isInstanceOf(FileSystemException.class);
        assertThat(Files.getOwner(fs.getPath("/f")).toString()).isEqualTo("alice");
    }

    @Test
    void aWholeFileTransferSharesBlocks() throws IOException {
        byte[] data = new byte[2 * 1024 * 1024 + 5];
        new java.util.Random(4).nextBytes(data);
        Files.write(fs.getPath("/src"), data);
        try (var in = java.nio.channels.FileChannel.open(fs.getPath("/src"));
             var out = java.nio.channels.FileChannel.open(fs.getPath("/dst"), java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(in.transferTo(0, in.size(), out)).isEqualTo(data.length);
        }
        assertThat(Files.readAllBytes(fs.getPath("/dst"))).isEqualTo(data);
        assertThat(volume().stat(VfsPath.parse("/home/alice/dst")).await().content())
                .isSameAs(volume().stat(VfsPath.parse("/home/alice/src")).await().content());
    }

    @Test
    void readsInOrderAcrossReadAheadWindowsAndBlocksAndReadsAnywhereElseGiveTheStoredBytes() throws IOException {
        byte[] data = new byte[2 * SequentialReader.WINDOW + 1000];
        new java.util.Random(5).nextBytes(data);
        Files.write(fs.getPath("/big"), data);
        try (var in = java.nio.channels.FileChannel.open(fs.getPath("/big"))) {
            java.io.ByteArrayOutputStream inOrder = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(30_000);
            while (in.read(chunk.clear()) > 0) {
                inOrder.write(chunk.array(), 0, chunk.position());
            }
            assertThat(inOrder.toByteArray()).isEqualTo(data);

            java.nio.ByteBuffer back = java.nio.ByteBuffer.allocate(100);
            in.read(back, SequentialReader.WINDOW - 50);
            assertThat(back.array()).isEqualTo(java.util.Arrays.copyOfRange(data, SequentialReader.WINDOW - 50,
                    SequentialReader.WINDOW + 50));
            in.read(back.clear(), 7);
            assertThat(back.array()).isEqualTo(java.util.Arrays.copyOfRange(data, 7, 107));
        }
    }

    @Test
    void aFileOpenedToBeCreatedComesIntoBeingWithItsContentInOneCommand() throws IOException {
        FileSystem other = VfsFileSystems.forUser(vfs, account(false), ALICE);
        long before = volume().position();
        try (var out = java.nio.channels.FileChannel.open(fs.getPath("/new"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap("content".getBytes(UTF_8)));
            assertThat(other.getPath("/new")).doesNotExist();
            assertThat(volume().position()).isEqualTo(before);
        }
        assertThat(Files.readString(other.getPath("/new"))).isEqualTo("content");
        vfs.close().await();
        List<EventEnvelope> log = StoreFixture.readAll(vertx, options, "main");
        vfs = null;
        assertThat(log.subList((int) before, log.size())).extracting(EventEnvelope::type)
                .containsExactly("FileCreated", "ContentCommitted");
        assertThat(log.subList((int) before, log.size())).extracting(EventEnvelope::commandId).containsOnly(
                log.getLast().commandId());
    }

    @Test
    void aFileWaitingForItsCommitIsCreatedAsSoonAsItsSessionLooksForIt() throws IOException {
        try (var out = java.nio.channels.FileChannel.open(fs.getPath("/new"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(fs.getPath("/new")).exists().isEmptyFile();
            out.write(java.nio.ByteBuffer.wrap("x".getBytes(UTF_8)));
        }
        assertThat(Files.readString(fs.getPath("/new"))).isEqualTo("x");
    }

    @Test
    void aFileToBeCreatedInAMissingDirectoryFailsAtItsOpen() {
        assertThatThrownBy(() -> java.nio.channels.FileChannel.open(fs.getPath("/missing/new"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void everyChangeIsRecordedWithTheActor() throws IOException {
        Files.createDirectory(fs.getPath("/d"));
        Files.writeString(fs.getPath("/d/f"), "x");
        vfs.close().await();
        List<EventEnvelope> log = StoreFixture.readAll(vertx, options, "main");
        vfs = null;
        assertThat(log.subList(3, log.size())).extracting(EventEnvelope::actor).containsOnly(ALICE);
        assertThat(log.subList(3, log.size())).extracting(EventEnvelope::type)
                .containsExactly("DirectoryCreated", "FileCreated", "ContentCommitted");
    }

    @Test
    void anAbandonedUploadKeepsTheLastRevisionAndIsRecorded() throws IOException {
        Files.writeString(fs.getPath("/f"), "old");
        var replacing = Files.newByteChannel(fs.getPath("/f"), java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        replacing.write(java.nio.ByteBuffer.wrap("half of the new".getBytes(UTF_8)));
        VfsFileSystems.abandon(replacing, 15, "connection reset");
        var creating = Files.newByteChannel(fs.getPath("/new"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        creating.write(java.nio.ByteBuffer.wrap("x".getBytes(UTF_8)));
        VfsFileSystems.abandon(creating, 1, "aborted");
        assertThat(replacing.isOpen()).isFalse();
        assertThat(Files.readString(fs.getPath("/f"))).isEqualTo("old");
        assertThat(fs.getPath("/new")).doesNotExist();
        vfs.close().await();
        List<EventEnvelope> log = StoreFixture.readAll(vertx, options, "main");
        vfs = null;
        assertThat(log.subList(log.size() - 2, log.size())).extracting(EventEnvelope::type)
                .containsExactly("UploadAborted", "UploadAborted");
        assertThat(log.getLast().payload()).isInstanceOfSatisfying(VolumeEvent.UploadAborted.class, aborted -> {
            assertThat(aborted.name()).isEqualTo("new");
            assertThat(aborted.received()).isEqualTo(1);
            assertThat(aborted.reason()).isEqualTo("aborted");
        });
    }

    @Test
    void aTimeSetWhileWritingIsCommittedWithTheContent() throws IOException {
        long before = volume().position();
        try (var out = Files.newByteChannel(fs.getPath("/kept.txt"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap("x".getBytes(UTF_8)));
            Files.setLastModifiedTime(fs.getPath("/kept.txt"), java.nio.file.attribute.FileTime.fromMillis(1_577_934_245_000L));
        }
        assertThat(Files.getLastModifiedTime(fs.getPath("/kept.txt")).toMillis()).isEqualTo(1_577_934_245_000L);
        assertThat(volume().position()).as("FileCreated and ContentCommitted, no AttributesChanged").isEqualTo(before + 2);
        Files.setLastModifiedTime(fs.getPath("/kept.txt"), java.nio.file.attribute.FileTime.fromMillis(5_000L));
        assertThat(Files.getLastModifiedTime(fs.getPath("/kept.txt")).toMillis()).as("a closed file: at once")
                .isEqualTo(5_000L);
    }

    @Test
    void theHistoryFolderHoldsReadOnlyPastTrees() throws IOException {
        Files.createDirectory(fs.getPath("/dir"));
        Files.writeString(fs.getPath("/dir/f"), "old");
        Files.createSymbolicLink(fs.getPath("/link"), fs.getPath("/dir/f"));
        Path past = fs.getPath("/.history/@" + volume().position());
        Files.writeString(fs.getPath("/dir/f"), "new!");
        long before = volume().position();

        assertThat(Files.readString(past.resolve("link"))).isEqualTo("old");
        assertThat(past.resolve("link").toRealPath().toString()).isEqualTo(past + "/dir/f");
        try (var walk = Files.walk(past)) {
            assertThat(walk.map(p -> past.relativize(p).toString())).containsExactly("", "dir", "dir/f", "link");
        }
        assertThat(Files.isSameFile(past.resolve("dir/f"), fs.getPath("/dir/f"))).as("a revision, not the file")
                .isFalse();
        assertThat(Files.isSameFile(past.resolve("link"), past.resolve("dir/f"))).isTrue();
        assertThat(Files.isWritable(past.resolve("dir/f"))).isFalse();
        assertThat(Files.isWritable(fs.getPath("/dir/f"))).isTrue();

        assertReadOnly(() -> Files.writeString(past.resolve("dir/f"), "x"));
        assertReadOnly(() -> Files.createDirectory(past.resolve("new")));
        assertReadOnly(() -> Files.delete(past.resolve("dir/f")));
        assertReadOnly(() -> Files.move(past.resolve("dir/f"), fs.getPath("/out")));
        assertReadOnly(() -> Files.setLastModifiedTime(past.resolve("dir"), FileTime.fromMillis(0)));
        assertReadOnly(() -> Files.copy(fs.getPath("/dir/f"), past.resolve("copy")));
        assertReadOnly(() -> VfsFileSystems.requireOutsideHistory(fs.getPath("/.history/unknown/name")));
        VfsFileSystems.requireOutsideHistory(fs.getPath("/dir/f"));
        assertThat(volume().position()).isEqualTo(before);

        Files.copy(past.resolve("dir/f"), fs.getPath("/restored"));
        assertThat(Files.readString(fs.getPath("/restored"))).isEqualTo("old");
        assertThatThrownBy(() -> Files.copy(past.resolve("dir"), fs.getPath("/dir-copy")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only files can be copied");
    }

    @Test
    void aLinkInTheLiveTreeMayLeadIntoThePast() throws IOException {
        Files.writeString(fs.getPath("/f"), "old");
        Files.createSymbolicLink(fs.getPath("/then"), fs.getPath(".history/@" + volume().position()));
        Files.writeString(fs.getPath("/f"), "new!");
        assertThat(Files.readString(fs.getPath("/then/f"))).isEqualTo("old");
        assertReadOnly(() -> Files.writeString(fs.getPath("/then/f"), "x"));
        Files.delete(fs.getPath("/then"));
        assertThat(Files.exists(fs.getPath("/then"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static void assertReadOnly(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the history folder is read-only");
    }
}
