package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventvfs.testkit.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WebDAV conformance suite litmus (Debian's package), every suite, against the adapter. */
class LitmusTest {
    private static final Pattern SUMMARY = Pattern.compile("<- summary for `(\\w+)': of (\\d+) tests run: (\\d+) passed,"
            + " (\\d+) failed");

    private DavServer server;
    private Path work;

    @BeforeEach
    void start() throws Exception {
        Processes.requireInstalled("litmus");
        server = new DavServer();
        work = Files.createTempDirectory("litmus-");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{0}: {1} tests")
    @CsvSource({"basic, 16", "copymove, 13", "props, 30", "locks, 41", "http, 4"})
    void everyTestOfTheSuitePassesWithoutWarnings(String suite, int tests) throws Exception {
        Processes.Result result = Processes.run(List.of("litmus", server.url + "/", "alice", DavServer.PASSWORD),
                work, Map.of("TESTS", suite), Duration.ofMinutes(3));

        Matcher summary = SUMMARY.matcher(result.output());
        assertThat(summary.find()).as("litmus printed a summary:\n%s", result.output()).isTrue();
        assertThat(summary.group(1)).isEqualTo(suite);
        assertThat(Integer.parseInt(summary.group(2))).as(result.output()).isEqualTo(tests);
        assertThat(Integer.parseInt(summary.group(4))).as(result.output()).isZero();
        assertThat(result.output()).as("litmus warned").doesNotContain("WARNING");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
