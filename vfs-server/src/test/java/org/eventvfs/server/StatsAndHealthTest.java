package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.testkit.LocalLogFrames;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The metrics port, the health checks and {@code vfs admin stats}, on a running server. */
@Timeout(60)
class StatsAndHealthTest {
    private static final Actor ALICE = new Actor("alice", "test", "127.0.0.1", "s-1", null);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void countersHealthAndTheAdminCommandAgree() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            ports.put(protocol, protocol == Protocol.METRICS ? port : 0);
        }
        Vertx vertx = Vertx.vertx();
        try {
            Server server = Server.start(vertx, ServerConfig.withDefaults(
                    new ConfigLayer(data, null, null, null, ports, Map.of()))).await();
            try {
                assertThat(server.readyLine()).contains("metrics http://127.0.0.1:" + port + "/metrics");
                TestUsers.add(server.vfs(), "default", "alice", "pw", List.of(), false);
                Volume volume = server.vfs().volume("default").await();
                SmallHistory.commit(volume, "/a.txt", "twelve bytes", ALICE);
                volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/a.txt"), 0755), ALICE)
                        .otherwiseEmpty().await();
                volume.read(volume.stat(VfsPath.parse("/a.txt")).await().content(), 0, 12).await();
                server.vfs().accounts().authenticate("alice", "wrong".toCharArray()).otherwiseEmpty().await();

                String metrics = get(port, "/metrics", 200);
                long logBytes = LocalLogFrames.framesEnd(
                        Files.readAllBytes(data.resolve("events").resolve("default.log")));
                assertThat(metrics).contains("eventvfs_commands_total{result=\"committed\"} ")
                        .contains("eventvfs_commands_total{result=\"refused\"} 1\n")
                        .contains("eventvfs_store_failures_total 0\n")
                        .contains("eventvfs_content_bytes_total{direction=\"in\"} 12\n")
                        .contains("eventvfs_content_bytes_total{direction=\"out\"} 12\n")
                        .contains("eventvfs_logins_refused_total 1\n")
                        .contains("eventvfs_stream_events{stream=\"default\"} " + volume.position() + "\n")
                        .contains("eventvfs_stream_bytes{stream=\"default\"} " + logBytes + "\n")
                        .contains("eventvfs_stream_lag{stream=\"default\"} 0\n")
                        .contains("eventvfs_stream_events{stream=\"@accounts\"} ")
                        .contains("# TYPE eventvfs_commands_total counter");
                assertThat(get(port, "/health/live", 200)).contains("\"live\"");
                assertThat(get(port, "/health/ready", 200)).contains("\"ready\"");
                get(port, "/nothing", 404);
                // The first request started the walk of the blob store; a later one reports it.
                assertThat(eventually(() -> get(port, "/metrics", 200), m -> m.contains("eventvfs_blob_bytes ")))
                        .contains("eventvfs_blob_blocks 1\n").contains("eventvfs_blob_bytes 12\n")
                        .contains("eventvfs_blob_measured_timestamp_seconds ");

                Cli.Result stats = new Cli().run("admin", "stats", "--json", "--data", data.toString());
                assertThat(stats.status()).as(stats.err()).isZero();
                JsonNode json = new ObjectMapper().readTree(stats.out());
                assertThat(json.get("commandsRefused").asLong()).isEqualTo(1);
                assertThat(json.get("commandsFailed").asLong()).isZero();
                assertThat(json.get("storeFailures").asLong()).isZero();
                assertThat(json.get("bytesIn").asLong()).isEqualTo(12);
                assertThat(json.get("loginsRefused").asLong()).isEqualTo(1);
                JsonNode lastTenSeconds = json.get("rates").get(0);
                assertThat(lastTenSeconds.get("seconds").asInt()).isEqualTo(10);
                assertThat(lastTenSeconds.get("commandsPerSecond").asDouble()).isPositive();
                assertThat(lastTenSeconds.get("bytesInPerSecond").asDouble()).isPositive();
                assertThat(json.get("blobs").get("bytes").asLong()).isEqualTo(12);
                JsonNode stream = json.get("streams").get(1);
                assertThat(stream.get("stream").asText()).isEqualTo("default");
                assertThat(stream.get("events").asLong()).isEqualTo(volume.position());
                assertThat(stream.get("bytes").asLong()).isEqualTo(logBytes);
                assertThat(stream.get("lag").asLong()).isZero();

                SmallHistory.commit(volume, "/b.txt", "more bytes", ALICE);
                assertThat(server.vfs().streamStats().await().get(1).bytes()).isGreaterThan(logBytes);

                Cli.Result lines = new Cli().run("admin", "stats", "--data", data.toString());
                assertThat(lines.out()).contains("commands ").contains("1 refused").contains("logins refused 1")
                        .contains("store failures 0").contains("last 10 s: ").contains("blobs 1 blocks, 12 bytes")
                        .contains("stream default: " + volume.position() + " events");
            } finally {
                server.stop().await();
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void statsReadStreamsWithoutLoadingTheirVolumes() throws Exception {
        Path data = dir.resolve("data");
        long events;
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            SmallHistory.commit(volume, "/a.txt", "text", ALICE);
            events = volume.position();
        }
        try (TestServer server = TestServer.start(data)) {
            Cli.Result lines = new Cli().run("admin", "stats", "--data", data.toString());

            assertThat(lines.out()).contains("stream default: " + events + " events, "
                    + LocalLogFrames.framesEnd(Files.readAllBytes(data.resolve("events").resolve("default.log")))
                    + " bytes, not loaded");
            assertThat(server.vfs().streamStats().await()).singleElement()
                    .satisfies(stream -> assertThat(stream.lag()).isNull());
        }
    }

    @Test
    void statsWithoutARunningServerSayWhy() {
        Cli.Result stats = new Cli().run("admin", "stats", "--data", dir.resolve("data").toString());

        assertThat(stats.status()).isEqualTo(1);
        assertThat(stats.err()).contains("no server is running").contains("vfs run");
    }

    private static String get(int port, String path, int status) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(status);
        return answer.body();
    }

    /** Asks again, up to 10 s, until the answer is as {@code wanted}. */
    private static String eventually(Callable<String> ask, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String answer = ask.call();
        while (!wanted.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = ask.call();
        }
        return answer;
    }
}
