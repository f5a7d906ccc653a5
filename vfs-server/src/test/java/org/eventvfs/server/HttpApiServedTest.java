package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.AuditScenario;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with {@code http.port} set serves the HTTP API, found on the class path like every
 * adapter, and its log answers in the very shape {@code vfs log --json} prints.
 */
@Timeout(60)
class HttpApiServedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theApiAndTheCommandAnswerTheSameEntries() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            ports.put(protocol, protocol == Protocol.HTTP ? port : 0);
        }
        Vertx vertx = Vertx.vertx();
        try {
            Server server = Server.start(vertx, ServerConfig.withDefaults(
                    new ConfigLayer(data, null, null, null, ports, Map.of()))).await();
            try {
                TestUsers.add(server.vfs(), "default", "alice", "pw", List.of(), false);
                AuditScenario.write(server.vfs().volume("default").await(), "/home/alice", "/home/alice");

                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/volumes/default/log?limit=1000"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "alice:pw".getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                List<JsonNode> api = new ArrayList<>();
                JSON.readTree(answer.body()).get("entries").forEach(api::add);

                Cli.Result printed = new Cli().run("log", "--json", "--path", "/home/alice", "--data", data.toString());
                assertThat(printed.err()).isEmpty();
                List<JsonNode> command = new ArrayList<>();
                for (String line : printed.out().lines().toList()) {
                    command.add(JSON.readTree(line));
                }
                assertThat(api).isNotEmpty().isEqualTo(command);
            } finally {
                server.stop().await();
            }
        } finally {
            vertx.close().await();
        }
    }
}
