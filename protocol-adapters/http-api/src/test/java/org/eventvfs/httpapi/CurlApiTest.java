package org.eventvfs.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.AdapterTestServer;
import org.eventvfs.testkit.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real curl against the API, as the README shows it: a log query, a download of an old revision, a refusal. */
@Timeout(60)
class CurlApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice:" + ApiServer.PASSWORD;

    private ApiServer server;
    private Path work;

    @BeforeEach
    void start() throws Exception {
        Processes.requireInstalled("curl");
        server = new ApiServer();
        work = Files.createDirectories(server.data.resolve("curl"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** curl's exit status 0, and what it wrote to stdout (with {@code -w} the status last). */
    private String curl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS"));
        command.addAll(Arrays.asList(arguments));
        Processes.Result result = Processes.run(command, work, Map.of(), Duration.ofMinutes(1));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private String url(String rest) {
        return server.url(AdapterTestServer.VOLUME, rest);
    }

    @Test
    void aLogQueryAnswersJsonLinesOfTheHome() throws Exception {
        String body = curl("-u", ALICE, "-G", url("log"), "--data-urlencode", "type=NodeMoved",
                "--data-urlencode", "since=1h");

        JsonNode entries = JSON.readTree(body).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("toPath").asText()).isEqualTo("/home/alice/docs/a2.txt");
        assertThat(entries.get(0).get("actor").get("protocol").asText()).isEqualTo("sftp");
    }

    @Test
    void anOldRevisionDownloadsWithItsBytes() throws Exception {
        Path saved = work.resolve("a.txt");
        String status = curl("-u", ALICE, "-o", saved.toString(), "-w", "%{http_code}",
                url("content?path=/home/alice/a.txt&at=@" + server.scenario.firstWrite));

        assertThat(status).isEqualTo("200");
        assertThat(Files.readString(saved)).isEqualTo("one");
        assertThat(curl("-u", ALICE, "-r", "0-1", url("content?path=/home/alice/copy.txt"))).isEqualTo("tw");
    }

    @Test
    void aWrongPasswordAndAnotherVolumeAreRefused() throws Exception {
        String wrong = curl("-u", "alice:wrong", "-w", "\n%{http_code}", url("log"));
        assertThat(wrong).endsWith("\n401").contains("\"error\":\"unauthorized\"");
        String other = curl("-u", ALICE, "-w", "\n%{http_code}", server.url("other", "log"));
        assertThat(other).endsWith("\n403").contains("\"error\":\"forbidden\"");
    }
}
