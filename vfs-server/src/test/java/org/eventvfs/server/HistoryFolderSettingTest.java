package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code history.folder} reaches the protocol adapters the server starts. */
@Timeout(60)
class HistoryFolderSettingTest {
    @TempDir
    Path dir;

    @Test
    void theConfiguredNameIsTheFolderEveryHomeShows() throws Exception {
        int port = ServerProcess.freePort();
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            ports.put(protocol, protocol == Protocol.WEBDAV ? port : 0);
        }
        Vertx vertx = Vertx.vertx();
        try {
            Server server = Server.start(vertx, ServerConfig.withDefaults(new ConfigLayer(dir.resolve("data"), null,
                    null, null, ports, Map.of(), null, ".snapshots", null))).await();
            try {
                TestUsers.add(server.vfs(), "default", "alice", "pw", List.of(), false);
                assertThat(propfind(port, "/.snapshots/")).isEqualTo(207);
                assertThat(propfind(port, "/.history/")).isEqualTo(404);
            } finally {
                server.stop().await();
            }
        } finally {
            vertx.close().await();
        }
    }

    private static int propfind(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).header("Depth", "1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "alice:pw".getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
