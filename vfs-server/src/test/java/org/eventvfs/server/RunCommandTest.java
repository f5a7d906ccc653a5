package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventvfs.server.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs run} through the command line, in this JVM, from start to a requested stop. */
@Timeout(60)
class RunCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void printsOneReadyLineThenStopsCleanlyOnRequest() throws Exception {
        Path data = dir.resolve("data");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StopSignal stop = StopSignal.onRequest();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> status = thread.submit(() -> VfsCommand.execute(cli.environment("", out, err, stop),
                    RunningServerTest.withNoPorts("run", "--data", data.toString())));
            awaitReadyLine(out, status);

            assertThat(out.toString()).isEqualTo("ready: data " + data + ", events file:" + data.resolve("events")
                    + ", blobs file:" + data.resolve("blobs") + ", admin " + data.resolve("admin.sock") + "\n");
            assertThat(data.resolve("admin.sock")).exists();

            stop.request();

            assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(err.toString()).isEmpty();
        } finally {
            thread.shutdownNow();
        }
        assertThat(data.resolve("admin.sock")).doesNotExist();
        assertThat(Files.readString(data.resolve("vfs.lock")).strip())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        DataFolderLock.acquire(data).close();
    }

    @Test
    void theDataIsKeptAcrossRestarts() {
        Path data = dir.resolve("data");
        cli.runWithStdin("pw\n", "user", "add", "alice", "--password-stdin", "--data", data.toString());

        try (TestServer server = TestServer.start(data)) {
            assertThat(server.vfs().accounts().find("alice").await().name()).isEqualTo("alice");
        }
    }

    @Test
    void anUnknownStoreSchemeFailsWithOneLineAndReleasesTheLock() throws IOException {
        Path data = dir.resolve("data");

        Result result = cli.run(RunningServerTest.withNoPorts("run", "--data", data.toString(),
                "--events", "nosuch:/srv/events"));

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("vfs: cannot open the stores (events nosuch:/srv/events, blobs file:"
                + data.toAbsolutePath().resolve("blobs") + "): no event store for 'nosuch:' URIs; available: [file, ")
                .contains("postgresql").hasLineCount(1);
        DataFolderLock.acquire(data).close();
    }

    @Test
    void aBadPortFlagIsNamed() {
        Result result = cli.run("run", "--data", dir.toString(), "--sftp-port", "70000");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "vfs: --sftp-port: 70000 is not a port number (0 to 65535; 0 turns the listener off)\n");
    }

    @Test
    void aBadConfigFileStopsTheStartWithOneLine() throws IOException {
        Path config = Files.writeString(dir.resolve("vfs.yaml"), "port: 22\n");

        Result result = cli.run("run", "--config", config.toString(), "--data", dir.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vfs: " + config + ": unknown key 'port'; the known keys are "
                + "data, events, blobs, bind, retention, history, log, sftp, webdav, ftp, http, metrics, admin\n");
    }

    @Test
    void aLockedDataFolderWithNoAdminSocketIsExplained() throws IOException {
        Path data = dir.resolve("data");
        try (DataFolderLock held = DataFolderLock.acquire(data)) {
            assertThat(held).isNotNull();
            Result result = cli.run("user", "list", "--data", data.toString());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err()).startsWith("vfs: the data folder " + data + " is in use by process "
                    + ProcessHandle.current().pid() + " (it holds " + data.resolve("vfs.lock") + "), but its admin socket "
                    + data.resolve("admin.sock") + " does not answer: ");
            assertThat(result.err().lines()).hasSize(1);
        }
    }

    @Test
    void withoutACommandTheUsageIsShown() {
        Result result = cli.run();

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("name a command, such as run").contains("Usage: vfs");
    }

    private static void awaitReadyLine(StringWriter out, Future<Integer> status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().startsWith("ready: ") || !out.toString().endsWith("\n")) {
            if (status.isDone()) {
                throw new AssertionError("vfs run ended with " + status.get() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ready line within 30 s; stdout so far: " + out);
            }
            Thread.sleep(20);
        }
    }
}
