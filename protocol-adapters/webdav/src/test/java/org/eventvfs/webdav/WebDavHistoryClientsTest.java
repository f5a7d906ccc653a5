package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eventvfs.HistoryFolder;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.Rclone;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real clients in the history folder: cadaver, curl and rclone download a past revision, are
 * refused a write there, and cadaver and curl restore the file with a COPY out of it. carol's
 * password has no space, as cadaver's ~/.netrc needs.
 */
class WebDavHistoryClientsTest {
    private static final String PASSWORD = "netrc-password";

    private HistoryDavServer server;
    private String url;
    private Path work;
    private long first;

    @BeforeEach
    void start() throws Exception {
        server = new HistoryDavServer();
        TestUsers.add(server.vfs, HistoryDavServer.VOLUME, "carol", PASSWORD, List.of(), false);
        url = server.start(HistoryFolder.DEFAULT_NAME).url("");
        server.then(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/carol/docs"), 0755));
        first = server.write("/home/carol/docs/report.txt", "the first draft\n");
        server.write("/home/carol/docs/report.txt", "the final text, which is not what we wanted\n");
        work = Files.createDirectories(server.data.resolve("clients"));
        Path netrc = work.resolve(".netrc");
        Files.writeString(netrc, "machine 127.0.0.1 login carol password " + PASSWORD + "\n");
        Files.setPosixFilePermissions(netrc, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(work.resolve("local.txt"), "local\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String live(String path) {
        return server.volume().read(server.volume().stat(VfsPath.parse("/home/carol" + path)).await().content(), 0,
                1000).await().toString(StandardCharsets.UTF_8);
    }

    @Test
    void cadaverBrowsesAPastTreeDownloadsItAndRestoresAFile() throws Exception {
        Processes.requireInstalled("cadaver");
        long before = server.volume().position();
        Path script = work.resolve("script.txt");
        Files.writeString(script, String.join("\n",
                "cd .history/@" + first + "/docs",
                "ls",
                "get report.txt old.txt",
                "put local.txt new.txt",
                "mkcol made",
                "quit") + "\n");
        Processes.Result result = Processes.run(List.of("cadaver", url + "/"), work, Map.of("HOME", work.toString()),
                Duration.ofMinutes(1), script);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("report\\.txt\\s+16")
                .contains("Uploading local.txt to `/.history/%40" + first + "/docs/new.txt'",
                        "403 Forbidden: read-only history");
        assertThat(Files.readString(work.resolve("old.txt"))).isEqualTo("the first draft\n");
        assertThat(server.volume().position()).as("the refused writes changed nothing").isEqualTo(before);

        Files.writeString(script, "copy .history/@" + first + "/docs/report.txt docs/report.txt\nquit\n");
        result = Processes.run(List.of("cadaver", url + "/"), work, Map.of("HOME", work.toString()),
                Duration.ofMinutes(1), script);
        assertThat(result.output()).contains("succeeded").doesNotContain("failed");
        assertThat(live("/docs/report.txt")).isEqualTo("the first draft\n");
    }

    @Test
    void rcloneCopiesAPastTreeAndNeverSeesTheFolderInTheHome() throws Exception {
        Rclone rclone = new Rclone(work, Map.of("type", "webdav", "url", url, "vendor", "other", "user", "carol",
                "pass", Rclone.obscure(PASSWORD)));
        Processes.Result listing = rclone.run("lsf", "-R", Rclone.REMOTE + ":");
        assertThat(listing.exitCode()).as(listing.output()).isZero();
        assertThat(listing.output()).contains("docs/report.txt").doesNotContain(".history");

        Path restored = work.resolve("restored");
        Processes.Result copy = rclone.run("copy", Rclone.REMOTE + ":.history/@" + first, restored.toString());
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        assertThat(Files.readString(restored.resolve("docs/report.txt"))).isEqualTo("the first draft\n");

        long before = server.volume().position();
        Processes.Result upload = rclone.run("copyto", work.resolve("local.txt").toString(),
                Rclone.REMOTE + ":.history/@" + first + "/docs/new.txt");
        assertThat(upload.exitCode()).as(upload.output()).isNotZero();
        assertThat(upload.output()).contains("403");
        assertThat(server.volume().position()).isEqualTo(before);
    }

    @Test
    void curlDownloadsAPastRevisionAndRestoresIt() throws Exception {
        Processes.requireInstalled("curl");
        String past = url + "/.history/@" + first + "/docs/report.txt";
        Path old = work.resolve("old.txt");
        Processes.Result get = Processes.run(List.of("curl", "-sS", "--fail", "-u", "carol:" + PASSWORD, "-o",
                old.toString(), past), work, Map.of(), Duration.ofMinutes(1));
        assertThat(get.exitCode()).as(get.output()).isZero();
        assertThat(Files.readString(old)).isEqualTo("the first draft\n");

        Processes.Result put = Processes.run(List.of("curl", "-sS", "-u", "carol:" + PASSWORD, "-T",
                work.resolve("local.txt").toString(), "-w", "%{http_code}", past), work, Map.of(),
                Duration.ofMinutes(1));
        assertThat(put.output()).contains("/.history/ is read-only").endsWith("403");

        Processes.Result copy = Processes.run(List.of("curl", "-sS", "--fail", "-u", "carol:" + PASSWORD,
                "-X", "COPY", "-H", "Destination: " + url + "/docs/report.txt", "-w", "%{http_code}", past), work,
                Map.of(), Duration.ofMinutes(1));
        assertThat(copy.output()).as(copy.output()).isEqualTo("204");
        assertThat(live("/docs/report.txt")).isEqualTo("the first draft\n");
    }
}
