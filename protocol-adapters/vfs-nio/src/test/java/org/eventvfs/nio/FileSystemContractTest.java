package org.eventvfs.nio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a file system must do through {@code java.nio.file.Files}, checked black-box. It runs on
 * eventvfs and on the machine's own file system: where both pass, eventvfs behaves like the real
 * thing.
 */
abstract class FileSystemContractTest {
    /** An empty, writable directory of the file system under test. */
    protected abstract Path root();

    private Path p(String relative) {
        return root().resolve(relative);
    }

    @Test
    void writesAndReadsFiles() throws IOException {
        Files.writeString(p("a.txt"), "hello");
        assertThat(Files.readString(p("a.txt"))).isEqualTo("hello");
        assertThat(Files.size(p("a.txt"))).isEqualTo(5);
        assertThat(Files.isRegularFile(p("a.txt"))).isTrue();
        Files.writeString(p("a.txt"), "bye");
        assertThat(Files.readString(p("a.txt"))).isEqualTo("bye");
        Files.writeString(p("a.txt"), "!", StandardOpenOption.APPEND);
        assertThat(Files.readString(p("a.txt"))).isEqualTo("bye!");
    }

    @Test
    void largeContentRoundTrips() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        Files.write(p("big"), data);
        assertThat(Files.readAllBytes(p("big"))).isEqualTo(data);
    }

    @Test
    void writesAtOffsetsAndTruncates() throws IOException {
        Files.write(p("f"), "0123456789".getBytes(UTF_8));
        try (FileChannel ch = FileChannel.open(p("f"), StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ch.write(ByteBuffer.wrap("ab".getBytes(UTF_8)), 3);
            ch.write(ByteBuffer.wrap("xyz".getBytes(UTF_8)), 12);
            ByteBuffer back = ByteBuffer.allocate(4);
            ch.read(back, 2);
            assertThat(new String(back.array(), UTF_8)).isEqualTo("2ab5");
            assertThat(ch.size()).isEqualTo(15);
            ch.truncate(6);
            assertThat(ch.size()).isEqualTo(6);
        }
        assertThat(Files.readString(p("f"))).isEqualTo("012ab5");
    }

    @Test
    void createNewRefusesExistingFiles() throws IOException {
        Files.writeString(p("f"), "x");
        assertThatThrownBy(() -> Files.newByteChannel(p("f"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.newByteChannel(p("missing"), StandardOpenOption.WRITE))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.readString(p("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void directories() throws IOException {
        Files.createDirectories(p("a/b/c"));
        Files.writeString(p("a/b/c/f"), "x");
        Files.writeString(p("a/g"), "y");
        try (Stream<Path> list = Files.list(p("a"))) {
            assertThat(list.map(x -> x.getFileName().toString()).sorted()).containsExactly("b", "g");
        }
        assertThatThrownBy(() -> Files.createDirectory(p("a"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.createDirectory(p("nope/x"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.delete(p("a/b"))).isInstanceOf(DirectoryNotEmptyException.class);
        assertThatThrownBy(() -> Files.list(p("a/g"))).isInstanceOf(NotDirectoryException.class);
        Files.delete(p("a/b/c/f"));
        Files.delete(p("a/b/c"));
        assertThat(Files.exists(p("a/b/c"))).isFalse();
        try (Stream<Path> walk = Files.walk(p("a"))) {
            assertThat(walk.count()).isEqualTo(3);
        }
    }

    @Test
    void movesAndCopies() throws IOException {
        Files.writeString(p("src"), "content");
        Files.writeString(p("other"), "other");
        assertThatThrownBy(() -> Files.move(p("src"), p("other"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.move(p("src"), p("other"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.exists(p("src"))).isFalse();
        assertThat(Files.readString(p("other"))).isEqualTo("content");
        Files.copy(p("other"), p("copy"));
        assertThat(Files.readString(p("copy"))).isEqualTo("content");
        Files.createDirectories(p("d/sub"));
        Files.move(p("d"), p("e"));
        assertThat(Files.isDirectory(p("e/sub"))).isTrue();
        assertThatThrownBy(() -> Files.move(p("missing"), p("x"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void symbolicLinks() throws IOException {
        Files.createDirectories(p("dir"));
        Files.writeString(p("dir/target"), "via link");
        Files.createSymbolicLink(p("link"), root().getFileSystem().getPath("dir/target"));
        Files.createSymbolicLink(p("dirlink"), root().getFileSystem().getPath("dir"));
        assertThat(Files.isSymbolicLink(p("link"))).isTrue();
        assertThat(Files.readSymbolicLink(p("link")).toString()).isEqualTo("dir/target");
        assertThat(Files.readString(p("link"))).isEqualTo("via link");
        assertThat(Files.readString(p("dirlink/target"))).isEqualTo("via link");
        assertThat(Files.isRegularFile(p("link"))).isTrue();
        assertThat(Files.isRegularFile(p("link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        Files.delete(p("link"));
        assertThat(Files.exists(p("dir/target"))).as("deleting a link keeps its target").isTrue();
        Files.createSymbolicLink(p("loop"), root().getFileSystem().getPath("loop"));
        assertThatThrownBy(() -> Files.readString(p("loop"))).isInstanceOf(IOException.class);
    }

    @Test
    void attributes() throws IOException {
        Files.writeString(p("f"), "12345");
        Files.setPosixFilePermissions(p("f"), PosixFilePermissions.fromString("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p("f")))).isEqualTo("rw-------");
        FileTime when = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(p("f"), when);
        assertThat(Files.getLastModifiedTime(p("f"))).isEqualTo(when);
        assertThat(Files.readAttributes(p("f"), "basic:size,isDirectory"))
                .containsEntry("size", 5L).containsEntry("isDirectory", false);
        assertThat(Files.readAttributes(p("f"), "posix:*")).containsKeys("permissions", "owner", "group");
        assertThat(Files.isSameFile(p("f"), p("./f"))).isTrue();
    }

    @Test
    void pathsAreSyntactic() {
        Path a = root().getFileSystem().getPath("/x/y/../z/./w");
        assertThat(a.normalize().toString()).isEqualTo("/x/z/w");
        assertThat(a.getFileName().toString()).isEqualTo("w");
        assertThat(root().getFileSystem().getPath("/a/b").relativize(root().getFileSystem().getPath("/a/c/d"))
                .toString()).isEqualTo("../c/d");
        assertThat(root().getFileSystem().getPath("a", "b", "c").getNameCount()).isEqualTo(3);
        assertThat(root().getFileSystem().getPathMatcher("glob:**/*.{txt,md}")
                .matches(root().getFileSystem().getPath("/d/e/readme.md"))).isTrue();
        assertThat(List.of(a.getRoot() == null ? "none" : a.getRoot().toString())).containsExactly("/");
    }
}
