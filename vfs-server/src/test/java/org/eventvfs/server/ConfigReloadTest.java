package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP to a running {@code vfs run}: the file and the variables are read again and what can change is applied. */
@Timeout(120)
class ConfigReloadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WRONG_LOGIN = "Basic " + Base64.getEncoder()
            .encodeToString("mallory:guess".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Path data;
    private Path config;
    private int webdav;
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    /** A server with WebDAV on a port of its own, configured by the file {@code vfs.yaml}. */
    private void start(String level, int banAfter) throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("vfs.yaml");
        webdav = ServerProcess.freePort();
        Files.writeString(config, settings(webdav, level, banAfter, ""));
        server = ServerProcess.start(data, log::add, "--config", config.toString(), "--sftp-port", "0",
                "--ftp-port", "0");
    }

    @Test
    void sighupAppliesTheLogLevelAndLoginLimitsAndNamesWhatNeedsARestart() throws Exception {
        start("WARN", 10);
        addUser("alice", "first", data);
        assertThat(failedLogin(webdav)).isEqualTo(401);
        assertThat(failedLogin(webdav)).isEqualTo(401);

        Files.writeString(config, settings(webdav, "INFO", 3, "history:\n  folder: .past\n"));
        hangUp();

        awaitLine("configuration re-read: applied log.level, webdav.banAfter, webdav.slowAfter;"
                + " needs a restart: history.folder");
        assertThat(log).as("logged at WARN before the reload").noneMatch(line -> line.contains("volume first"));
        addUser("bob", "second", data);
        awaitLine("volume second loaded");
        assertThat(failedLogin(webdav)).as("the third failure reaches the lowered banAfter").isEqualTo(401);
        assertThat(failedLogin(webdav)).isEqualTo(403);
    }

    @Test
    void aFileThatDoesNotCheckOutIsRefusedAndTheRunningConfigurationStays() throws Exception {
        start("INFO", 10);

        Files.writeString(config, "log:\n  level: [warn\n");
        hangUp();
        awaitLine("configuration not reloaded, the one in force stays: " + config + ":2: not valid YAML: while"
                + " parsing a flow sequence in 'reader', line 2, column 10: level: [warn ^ expected");
        Files.writeString(config, settings(webdav, "WARN", 0, ""));
        hangUp();
        awaitLine("configuration not reloaded, the one in force stays: webdav.slowAfter must be a whole number"
                + " of at least 1, got '0'");

        addUser("alice", "first", data);
        awaitLine("volume first loaded");
        assertThat(log).noneMatch(line -> line.contains("configuration re-read"));
    }

    private static String settings(int webdavPort, String level, int banAfter, String more) {
        return "log:\n  level: " + level + "\nwebdav:\n  port: " + webdavPort + "\n  slowAfter: " + banAfter
                + "\n  banAfter: " + banAfter + "\n" + more;
    }

    private void hangUp() throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private void awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (log.stream().noneMatch(line -> line.contains(text))) {
            assertThat(System.nanoTime()).as("a line with '%s' in:\n%s", text, String.join("\n", log))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Adds a user, through the running server, whose home is in a volume of its own: loading it logs at INFO. */
    private static void addUser(String name, String volume, Path data) {
        Cli.Result added = new Cli().runWithStdin("pw\n", "user", "add", name, "--volume", volume,
                "--password-stdin", "--data", data.toString());
        assertThat(added.status()).as(added.err()).isZero();
    }

    private static int failedLogin(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Authorization", WRONG_LOGIN).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
