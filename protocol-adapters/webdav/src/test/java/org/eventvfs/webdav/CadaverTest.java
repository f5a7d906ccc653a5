package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.RandomFiles;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cadaver, the command-line WebDAV client, running scripts against the adapter; it logs in from
 * ~/.netrc, whose syntax has no way to write a password with a space, so carol has one without.
 */
class CadaverTest {
    private static final VfsPath DOCS = VfsPath.parse("/home/carol/docs");
    private static final String PASSWORD = "netrc-password";
    private static final String COLOR = "{http://webdav.org/cadaver/custom-properties/}color";

    private DavServer server;
    private Path work;
    private byte[] upload;

    @BeforeEach
    void start() throws Exception {
        Processes.requireInstalled("cadaver");
        server = new DavServer();
        work = Files.createDirectories(server.data.resolve("cadaver"));
        Path netrc = work.resolve(".netrc");
        TestUsers.add(server.vfs, DavServer.VOLUME, "carol", PASSWORD, List.of(), false);
        Files.writeString(netrc, "machine 127.0.0.1 login carol password " + PASSWORD + "\n");
        Files.setPosixFilePermissions(netrc, PosixFilePermissions.fromString("rw-------"));
        upload = RandomFiles.writeOne(work.resolve("local.bin"), 200_000, 5);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs cadaver on the user's home with {@code commands}, one a line, as its standard input. */
    private String cadaver(String... commands) throws Exception {
        Path script = work.resolve("script.txt");
        Files.writeString(script, String.join("\n", commands) + "\nquit\n", StandardCharsets.UTF_8);
        Processes.Result result = Processes.run(List.of("cadaver", server.url + "/"), work,
                Map.of("HOME", work.toString()), Duration.ofMinutes(1), script);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("cadaver said").doesNotContainIgnoringCase("failed");
        return result.output();
    }

    private Node stat(String name) {
        return server.volume().stat(DOCS.resolve(name)).await();
    }

    @Test
    void aScriptOfEveryCommandChangesTheVolumeAsItSays() throws Exception {
        String output = cadaver(
                "mkcol docs",
                "cd docs",
                "put local.bin file.bin",
                "ls",
                "propset file.bin color blue",
                "propget file.bin color",
                "copy file.bin copy.bin",
                "move copy.bin moved.bin",
                "lock moved.bin",
                "discover moved.bin",
                "unlock moved.bin",
                "get moved.bin back.bin");

        assertThat(output).contains("Creating `docs': succeeded.", "Value of color is: blue",
                "Locking `moved.bin': succeeded.", "Lock token <urn:uuid:",
                "Depth 0 on `" + server.url + "/docs/moved.bin'", "Unlocking `moved.bin': succeeded.");
        assertThat(output.split("succeeded", -1)).as(output).hasSize(10);
        assertThat(output).containsPattern("file\\.bin\\s+200000");
        assertThat(server.volume().list(DOCS).await()).extracting(Node::name).containsExactly("file.bin", "moved.bin");
        Node file = stat("file.bin");
        Node moved = stat("moved.bin");
        assertThat(file.size()).isEqualTo(upload.length);
        assertThat(server.volume().read(file.content(), 0, upload.length).await().getBytes()).isEqualTo(upload);
        assertThat(moved.content()).isEqualTo(file.content());
        assertThat(file.properties()).containsKey(COLOR);
        assertThat(file.properties().get(COLOR)).contains("blue");
        assertThat(moved.properties()).as("dead properties are copied").containsEntry(COLOR,
                file.properties().get(COLOR));
        assertThat(server.volume().locks().within(DOCS)).as("unlocked").isEmpty();
        assertThat(Files.readAllBytes(work.resolve("back.bin"))).isEqualTo(upload);

        output = cadaver("delete docs/file.bin", "rmcol docs");
        assertThat(output).contains("Deleting `docs/file.bin': succeeded.", "Deleting collection `docs': succeeded.");
        assertThatThrownBy(() -> server.volume().stat(DOCS).await()).isInstanceOf(VfsException.NotFound.class);
    }
}
