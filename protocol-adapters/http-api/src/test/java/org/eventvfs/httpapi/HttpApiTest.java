package org.eventvfs.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.testkit.AuditScenario;
import org.eventvfs.testkit.AdapterTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP API with the JDK's HTTP client: authentication, scope, filters, pages, past trees and revisions. */
@Timeout(60)
class HttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN = AdapterTestServer.VOLUME;

    private static ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new ApiServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Answer(int status, HttpResponse<byte[]> response) {
        JsonNode json() throws Exception {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            return JSON.readTree(response.body());
        }

        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    private Answer get(String user, String password, String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response);
    }

    private Answer alice(String rest, String... headers) throws Exception {
        return get("alice", ApiServer.PASSWORD, server.url(MAIN, rest), headers);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertError(Answer answer, int status, String error, String message) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).contains(message);
    }

    @Test
    void aConnectionIsALiveHttpSessionOfTheUserWhoseRequestItCarried() throws Exception {
        assertThat(alice("log", "User-Agent", "api-test/1.0").status()).isEqualTo(200);

        assertThat(server.vfs.sessions().list()).filteredOn(session -> "api-test/1.0".equals(session.client()))
                .singleElement().satisfies(session -> {
                    assertThat(session.protocol()).isEqualTo("http");
                    assertThat(session.id()).startsWith("http-");
                    assertThat(session.user()).isEqualTo("alice");
                    assertThat(session.address()).startsWith("127.0.0.1:");
                });
    }

    @Test
    void withoutTheRightPasswordTheAnswerIs401() throws Exception {
        Answer none = get(null, null, server.url(MAIN, "log"));
        assertError(none, 401, "unauthorized", "authentication required");
        assertThat(none.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic realm="));
        assertError(get("alice", "wrong", server.url(MAIN, "log")), 401, "unauthorized", "wrong user name or password");
    }

    /** On a server of its own: the ban it earns would refuse the other tests' logins from this address. */
    @Test
    void aReconfiguredBanAfterRefusesSoonerAndABadSectionChangesNothing() throws Exception {
        try (ApiServer own = new ApiServer()) {
            String log = own.url(MAIN, "log");
            assertThat(own.adapter.reloadableSettings()).containsExactlyInAnyOrder("slowAfter", "banAfter",
                    "banMinutes");
            assertError(get("alice", "wrong", log), 401, "unauthorized", "wrong user name");
            assertThatThrownBy(() -> own.adapter.reconfigure(Map.of("banAfter", 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.banAfter");
            Runnable lowered = own.adapter.reconfigure(Map.of("slowAfter", 2, "banAfter", 2));
            assertError(get("alice", "wrong", log), 401, "unauthorized", "wrong user name");
            assertThat(get("alice", ApiServer.PASSWORD, log).status()).as("not applied before it runs").isEqualTo(200);

            lowered.run();

            assertError(get("alice", ApiServer.PASSWORD, log), 403, "forbidden", "too many failed logins");
        }
    }

    @Test
    void anotherVolumeOrAPathOutsideTheHomeIs403() throws Exception {
        assertError(get("carol", ApiServer.PASSWORD, server.url(MAIN, "log")), 403, "forbidden",
                "you may only query your own volume, other");
        assertError(alice("log?path=/home/bob"), 403, "forbidden", "/home/bob is outside your home /home/alice");
        assertError(alice("tree?path=/"), 403, "forbidden", "outside your home");
        assertError(alice("content?path=/home/bob/b.txt"), 403, "forbidden", "outside your home");
    }

    @Test
    void badParametersAre400WithTheParameterNamed() throws Exception {
        assertError(alice("log?since=yesterday"), 400, "bad_request", "since: 'yesterday' is not a time");
        assertError(alice("log?limit=0"), 400, "bad_request", "limit must be a whole number from 1 to 10000");
        assertError(alice("log?colour=red"), 400, "bad_request", "unknown parameter 'colour'");
        assertError(alice("history"), 400, "bad_request", "path is required");
        assertError(alice("tree?at=@99999"), 400, "bad_request", "at: '@99999' is not a position");
        assertError(alice("content?path=/home/alice"), 400, "not_a_file", "/home/alice was not a file");
        assertError(alice("nothing"), 404, "not_found", "no such endpoint");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.url(MAIN, "log")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void theLogShowsOnlyTheHomeAndFilters() throws Exception {
        JsonNode all = alice("log").json();
        assertThat(all.get("next")).isNull();
        List<String> paths = new ArrayList<>();
        all.get("entries").forEach(entry -> {
            entry.findValues("path").forEach(path -> paths.add(path.asText()));
            entry.findValues("toPath").forEach(path -> paths.add(path.asText()));
        });
        assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/home/alice"));

        JsonNode moved = alice("log?type=NodeMoved&user=alice&protocol=sftp&address=10.0.0.5").json().get("entries");
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).get("path").asText()).isEqualTo("/home/alice/a.txt");
        assertThat(moved.get(0).get("toPath").asText()).isEqualTo("/home/alice/docs/a2.txt");
        assertThat(moved.get(0).get("actor").get("user").asText()).isEqualTo("alice");
        assertThat(alice("log?user=bob").json().get("entries")).isEmpty();
        assertThat(alice("log?since=" + query("@" + server.scenario.secondWrite) + "&until="
                + query("@" + server.scenario.secondWrite)).json().get("entries")).singleElement()
                .satisfies(entry -> assertThat(entry.get("details").get("size").asInt()).isEqualTo(4));
    }

    @Test
    void aMoveIntoTheHomeShowsWhereItWentNotWhereItCameFrom() throws Exception {
        AuditScenario.commit(server.volume(), "/home/bob/gift.txt", "for alice", AuditScenario.BOB);
        AuditScenario.run(server.volume(), new VolumeCommand.Move(VfsPath.parse("/home/bob/gift.txt"),
                VfsPath.parse("/home/alice/gift.txt"), Overwrite.NEVER), Actor.SYSTEM);

        JsonNode moved = alice("log?path=/home/alice/gift.txt").json().get("entries");

        assertThat(moved).singleElement().satisfies(entry -> {
            assertThat(entry.get("event").asText()).isEqualTo("NodeMoved");
            assertThat(entry.has("path")).as(entry.toString()).isFalse();
            assertThat(entry.get("toPath").asText()).isEqualTo("/home/alice/gift.txt");
        });
        assertThat(alice("history?path=/home/alice/gift.txt").json().get("revisions")).singleElement()
                .satisfies(entry -> assertThat(entry.toString()).doesNotContain("/home/bob"));
    }

    @Test
    void pagesFollowTheNextCursor() throws Exception {
        List<JsonNode> paged = new ArrayList<>();
        String after = "0";
        int pages = 0;
        while (after != null) {
            JsonNode page = alice("log?limit=2&after=" + after).json();
            page.get("entries").forEach(paged::add);
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
            pages++;
        }
        List<JsonNode> whole = new ArrayList<>();
        alice("log?limit=1000").json().get("entries").forEach(whole::add);
        assertThat(paged).isEqualTo(whole);
        assertThat(pages).isGreaterThan(3);
    }

    @Test
    void historyFollowsTheFileAcrossRenames() throws Exception {
        JsonNode history = alice("history?path=/home/alice/docs/a2.txt&at=@" + server.scenario.beforeRemoval).json();
        List<String> events = new ArrayList<>();
        history.get("revisions").forEach(entry ->
                events.add(entry.get("event").asText() + " " + entry.get("path").asText()));
        assertThat(events).containsExactly("FileCreated /home/alice/a.txt", "ContentCommitted /home/alice/a.txt",
                "ContentCommitted /home/alice/a.txt", "NodeMoved /home/alice/a.txt",
                "AttributesChanged /home/alice/docs/a2.txt", "NodeRemoved /home/alice/docs");
    }

    @Test
    void aTreeAtAPastPositionIsTheListingThen() throws Exception {
        long p = server.scenario.beforeRemoval;
        JsonNode tree = alice("tree?path=/home/alice/docs&at=@" + p).json();
        List<String> children = new ArrayList<>();
        tree.get("children").forEach(child -> children.add(child.get("name").asText() + " " + child.get("kind").asText()
                + " " + child.get("size").asLong() + " " + child.get("mode").asText()));
        assertThat(children).isEqualTo(server.volume().list(VfsPath.parse("/home/alice/docs"), p).await().stream()
                .map(node -> node.name() + " " + node.kind().name().toLowerCase() + " " + node.size() + " "
                        + String.format("%04o", node.mode())).toList()).isNotEmpty();
        assertThat(tree.get("position").asLong()).isEqualTo(p);
        assertThat(tree.get("children").get(0).get("mode").asText()).isEqualTo("0600");

        JsonNode home = alice("tree").json();
        assertThat(home.get("path").asText()).isEqualTo("/home/alice");
        assertThat(alice("tree?path=").json().get("path").asText()).isEqualTo("/home/alice");
        assertError(alice("tree?path=/home/alice/docs"), 404, "not_found", "/home/alice/docs");
    }

    @Test
    void contentAtAPastPositionIsTheOldBytes() throws Exception {
        Answer first = alice("content?path=/home/alice/a.txt&at=@" + server.scenario.firstWrite);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text()).isEqualTo("one");
        assertThat(alice("content?path=/home/alice/a.txt&at=@" + server.scenario.secondWrite).text()).isEqualTo("two!");

        Answer partial = alice("content?path=/home/alice/copy.txt", "Range", "bytes=1-2");
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.text()).isEqualTo("wo");
        assertThat(partial.response().headers().firstValue("Content-Range")).hasValue("bytes 1-2/4");
        assertThat(alice("content?path=/home/alice/copy.txt", "Range", "bytes=9-").status()).isEqualTo(416);
    }
}
