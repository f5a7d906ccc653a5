package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.AuditScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vfs log}, {@code vfs history} and {@code vfs cat}, on the stores directly and through a
 * running server's admin socket, which must print the same.
 */
@Timeout(120)
class AuditCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private AuditScenario scenario;

    @BeforeEach
    void writeHistory() {
        try (TestServer server = TestServer.start(data())) {
            scenario = AuditScenario.write(server.vfs().volume("default").await());
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Result vfs(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--data", data().toString()));
        return cli.run(line.toArray(String[]::new));
    }

    private Result ok(String... args) {
        Result result = vfs(args);
        assertThat(result.err()).isEmpty();
        assertThat(result.status()).isZero();
        return result;
    }

    @Test
    void logPrintsATableWithFilters() {
        List<String> lines = ok("log", "--user", "bob").out().lines().toList();

        assertThat(lines.getFirst()).matches("POSITION +TIME +USER +PROTOCOL +ADDRESS +EVENT +PATH +DETAILS");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches("\\d+ +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
                + " +bob +webdav +10\\.0\\.0\\.9:51000"
                + " +FileCreated +/bob/b\\.txt +mode=0644 owner=bob");
        assertThat(lines.get(2)).contains("ContentCommitted", "/bob/b.txt", "size=5 sha256=");

        assertThat(ok("log", "--path", "/alice/docs", "--type", "NodeMoved").out().lines().skip(1))
                .singleElement().asString().contains("/alice/a.txt -> /alice/docs/a2.txt");
        assertThat(ok("log", "--limit", "3").out().lines()).hasSize(4);
        assertThat(ok("log", "--protocol", "sftp", "--address", "10.0.0.5", "--since", "1h").out().lines().skip(1))
                .allMatch(line -> line.contains(" alice ")).hasSize((int) scenario.head - 4);
    }

    @Test
    void logPrintsJsonLinesInTheShapeOfTheApi() throws Exception {
        List<String> lines = ok("log", "--json", "--type", "NodeMoved,UploadAborted").out().lines().toList();

        assertThat(lines).hasSize(2);
        JsonNode moved = JSON.readTree(lines.get(0));
        assertThat(moved.get("event").asText()).isEqualTo("NodeMoved");
        assertThat(moved.get("path").asText()).isEqualTo("/alice/a.txt");
        assertThat(moved.get("toPath").asText()).isEqualTo("/alice/docs/a2.txt");
        assertThat(moved.get("actor").get("client").asText()).isEqualTo("OpenSSH_9.6");
        JsonNode aborted = JSON.readTree(lines.get(1));
        assertThat(aborted.get("details").get("received").asLong()).isEqualTo(1234);
        assertThat(aborted.get("details").get("reason").asText()).isEqualTo("connection lost");
    }

    @Test
    void historyAndCatShowPastRevisions() {
        List<String> history = ok("history", "/alice/copy.txt").out().lines().toList();
        assertThat(history).hasSize(7);
        assertThat(history.get(4)).contains("NodeMoved", "/alice/a.txt -> /alice/docs/a2.txt");
        assertThat(history.getLast()).contains("TreeCopied", "/alice/copy.txt", "from=/alice/docs/a2.txt");

        assertThat(ok("cat", "/alice/a.txt", "--at", "@" + scenario.firstWrite).bytes()).asString().isEqualTo("one");
        assertThat(ok("cat", "/alice/docs/a2.txt", "--at", "@" + scenario.beforeRemoval).bytes()).asString()
                .isEqualTo("two!");
        assertThat(ok("cat", "/alice/copy.txt").bytes()).asString().isEqualTo("two!");
    }

    @Test
    void mistakesAreOneLine() {
        assertFails(vfs("log", "--since", "yesterday"),
                "vfs: since: 'yesterday' is not a time such as 2026-11-21T10:00:00Z, 2026-11-21 or 2h (ago)");
        assertFails(vfs("log", "--volume", "nope"), "vfs: no such volume: nope");
        assertFails(vfs("log", "--type", "Renamed"), "vfs: type: 'Renamed' is not an event type; the types are "
                + "AccessChanged, AdminChanged, AttributesChanged, BlocksCollected, ContentCommitted, "
                + "DirectoryCreated, FileCreated, InviteRedeemed, KeysChanged, NodeMoved, NodeRemoved, "
                + "PasswordChanged, PropertiesChanged, SessionsEnded, SymlinkCreated, TreeCopied, TreeRestored, "
                + "UploadAborted, UserAdded, UserDisabled, UserEnabled, UserInvited, UserRemoved");
        assertFails(vfs("cat", "/alice/docs/a2.txt"), "vfs: no such file or directory: /alice/docs/a2.txt");
        assertFails(vfs("cat", "/alice", "--at", "@" + scenario.firstWrite),
                "vfs: /alice was a directory at @" + scenario.firstWrite + ", not a file");
        assertFails(vfs("history", "alice/a.txt"),
                "vfs: path must be a volume path starting with /, not 'alice/a.txt'");
        assertFails(vfs("cat", "/alice/a.txt", "--at", "@999999"), "vfs: at: '@999999' is not a position from @0 to "
                + "the head of volume default (@" + scenario.head + ")");
    }

    private static void assertFails(Result result, String message) {
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(message + "\n");
    }

    @Test
    void throughARunningServerTheCommandsPrintTheSame() {
        List<String[]> commands = List.of(
                new String[] {"log"},
                new String[] {"log", "--json", "--path", "/alice", "--limit", "5"},
                new String[] {"history", "/alice/docs/a2.txt", "--at", "@" + scenario.beforeRemoval, "--json"},
                new String[] {"cat", "/alice/a.txt", "--at", "@" + scenario.secondWrite},
                new String[] {"log", "--since", "tomorrow"});
        List<Result> direct = commands.stream().map(this::vfs).toList();
        List<Result> remote;
        try (TestServer server = TestServer.start(data())) {
            remote = commands.stream().map(this::vfs).toList();
        }
        for (int i = 0; i < commands.size(); i++) {
            assertThat(remote.get(i).out()).as(String.join(" ", commands.get(i))).isEqualTo(direct.get(i).out());
            assertThat(remote.get(i).err()).isEqualTo(direct.get(i).err());
            assertThat(remote.get(i).bytes()).isEqualTo(direct.get(i).bytes());
        }
        assertThat(direct.get(3).bytes()).asString().isEqualTo("two!");
        assertThat(direct.get(4).status()).isEqualTo(1);
    }
}
