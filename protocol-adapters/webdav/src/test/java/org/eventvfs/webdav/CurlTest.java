package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.RandomFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** curl against the adapter: uploads, byte ranges, conditional requests and authentication, as HTTP has them. */
class CurlTest {
    private static final Pattern STATUS = Pattern.compile("status=(\\d{3}) time=([0-9.]+)");
    private static final VfsPath HOME = VfsPath.parse("/home/alice");
    private static final String ALICE = "alice:" + DavServer.PASSWORD;
    private static final Path NO_INPUT = Path.of("/dev/null");

    private DavServer server;
    private Path work;
    private byte[] bytes;

    @BeforeEach
    void start() throws Exception {
        Processes.requireInstalled("curl");
        server = new DavServer();
        work = Files.createDirectories(server.data.resolve("curl"));
        bytes = RandomFiles.writeOne(work.resolve("file.bin"), 1000, 3);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What curl received: the status, the headers of every response (a 100 Continue too), the body. */
    private record Answer(int status, String headers, byte[] body, double seconds, String output) {
        /** The value of the last {@code name} header, or null. */
        String header(String name) {
            Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(headers);
            String value = null;
            while (matcher.find()) {
                value = matcher.group(1);
            }
            return value;
        }
    }

    /** curl as alice on a path of her home. */
    private Answer curl(String path, String... options) throws Exception {
        return send(ALICE, NO_INPUT, path, options);
    }

    /** curl with {@code credentials} ({@code user:password}, or null for none), fed {@code input}. */
    private Answer send(String credentials, Path input, String path, String... options) throws Exception {
        Path body = work.resolve("body");
        Path headers = work.resolve("headers");
        Files.deleteIfExists(body);
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", body.toString(), "-D", headers.toString(),
                "-w", "\\nstatus=%{http_code} time=%{time_total}\\n"));
        command.addAll(Arrays.asList(options));
        if (credentials != null) {
            command.addAll(List.of("-u", credentials));
        }
        command.add(server.url + path);
        Processes.Result result = Processes.run(command, work, Map.of(), Duration.ofMinutes(1), input);
        assertThat(result.exitCode()).as(result.output()).isZero();
        Matcher status = STATUS.matcher(result.output());
        assertThat(status.find()).as(result.output()).isTrue();
        return new Answer(Integer.parseInt(status.group(1)), Files.readString(headers),
                Files.exists(body) ? Files.readAllBytes(body) : new byte[0], Double.parseDouble(status.group(2)),
                result.output());
    }

    private byte[] stored(String name) {
        Node node = server.volume().stat(HOME.resolve(name)).await();
        return node.size() == 0 ? new byte[0]
                : server.volume().read(node.content(), 0, (int) node.size()).await().getBytes();
    }

    private static String httpDate(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }

    @Test
    void putCreatesThenReplaces() throws Exception {
        assertThat(curl("/file.bin", "-T", "file.bin").status()).isEqualTo(201);
        Files.writeString(work.resolve("file.bin"), "replaced");
        Answer replaced = curl("/file.bin", "-T", "file.bin");
        assertThat(replaced.status()).isEqualTo(204);
        assertThat(replaced.header("ETag")).isNotBlank();
        assertThat(stored("file.bin")).asString().isEqualTo("replaced");
    }

    @Test
    void rangesAreAnsweredWithTheirBytesOnly() throws Exception {
        curl("/file.bin", "-T", "file.bin");

        assertPartial("bytes=100-199", 100, 200);
        assertPartial("bytes=-100", 900, 1000);
        assertPartial("bytes=990-5000", 990, 1000);

        Answer unsatisfiable = curl("/file.bin", "-H", "Range: bytes=1000-");
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */1000");

        Answer head = curl("/file.bin", "-I");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("1000");
        assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(head.body()).as("nothing after the headers").asString().isEqualTo(head.headers());
    }

    /** A GET with {@code range} is answered 206 with bytes {@code from} to {@code to} (exclusive) of the file. */
    private void assertPartial(String range, int from, int to) throws Exception {
        Answer partial = curl("/file.bin", "-H", "Range: " + range);
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.header("Content-Range")).isEqualTo("bytes " + from + "-" + (to - 1) + "/" + bytes.length);
        assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(bytes, from, to));
    }

    @Test
    void conditionsOnEntityTagsAndDatesAreKept() throws Exception {
        curl("/file.bin", "-T", "file.bin");
        Answer get = curl("/file.bin");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(bytes);
        String etag = get.header("ETag");
        String lastModified = get.header("Last-Modified");
        assertThat(etag).startsWith("\"");

        assertThat(curl("/file.bin", "-H", "If-None-Match: " + etag).status()).isEqualTo(304);
        assertThat(curl("/file.bin", "-H", "If-None-Match: \"other\"").status()).isEqualTo(200);
        assertThat(curl("/file.bin", "-H", "If-Modified-Since: " + lastModified).status()).isEqualTo(304);
        String yesterday = httpDate(ZonedDateTime.now().minusDays(1));
        String tomorrow = httpDate(ZonedDateTime.now().plusDays(1));
        assertThat(curl("/file.bin", "-H", "If-Modified-Since: " + yesterday).status()).isEqualTo(200);
        assertThat(curl("/file.bin", "-H", "If-Unmodified-Since: " + yesterday).status()).isEqualTo(412);
        assertThat(curl("/file.bin", "-H", "If-Unmodified-Since: " + tomorrow).status()).isEqualTo(200);

        Files.writeString(work.resolve("other.txt"), "other");
        assertThat(curl("/file.bin", "-T", "other.txt", "-H", "If-Match: \"wrong\"").status()).isEqualTo(412);
        assertThat(curl("/file.bin", "-T", "other.txt", "-H", "If-Unmodified-Since: " + yesterday).status())
                .isEqualTo(412);
        assertThat(stored("file.bin")).as("unchanged by refused PUTs").isEqualTo(bytes);
        assertThat(curl("/file.bin", "-T", "other.txt", "-H", "If-Match: " + etag).status()).isEqualTo(204);
        assertThat(stored("file.bin")).asString().isEqualTo("other");
        assertThat(curl("/file.bin", "-T", "other.txt", "-H", "If-None-Match: *").status()).isEqualTo(412);
    }

    @Test
    void aChunkedPutWithoutLengthStoresEveryByte() throws Exception {
        Path input = work.resolve("large.bin");
        byte[] large = RandomFiles.writeOne(input, 300_000, 4);

        Answer put = send(ALICE, input, "/streamed.bin", "-T", "-", "-H", "Transfer-Encoding: chunked", "-v");
        assertThat(put.status()).as(put.output()).isEqualTo(201);
        assertThat(put.output()).containsIgnoringCase("> Transfer-Encoding: chunked")
                .doesNotContainIgnoringCase("> Content-Length");
        assertThat(stored("streamed.bin")).isEqualTo(large);
    }

    @Test
    void aLargePutWaitsForOneHundredContinue() throws Exception {
        byte[] large = RandomFiles.writeOne(work.resolve("large.bin"), 5 << 20, 6);

        // With a long timeout, a server that never said 100 Continue would make curl wait for it.
        Answer put = curl("/large.bin", "-T", "large.bin", "-H", "Expect: 100-continue", "--expect100-timeout", "30");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.headers()).contains("HTTP/1.1 100 Continue");
        assertThat(put.seconds()).isLessThan(20);
        assertThat(stored("large.bin")).isEqualTo(large);
    }

    @Test
    void aChecksumThatDoesNotMatchTheBodyStoresNothing() throws Exception {
        Answer put = curl("/file.bin", "-T", "file.bin", "-H", "OC-Checksum: SHA1:" + "0".repeat(40));
        assertThat(put.status()).isEqualTo(400);
        assertThat(server.volume().list(HOME).await()).isEmpty();
    }

    @Test
    void requestsWithoutTheRightPasswordAreChallenged() throws Exception {
        curl("/file.bin", "-T", "file.bin");
        for (Answer refused : List.of(send(null, NO_INPUT, "/file.bin"),
                send("alice:wrong", NO_INPUT, "/file.bin"))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic realm=");
            assertThat(refused.body()).isNotEqualTo(bytes);
        }
    }

    @Test
    void optionsNeedsNoPasswordAndAnnouncesClassesOneAndTwo() throws Exception {
        Answer options = send(null, NO_INPUT, "/", "-X", "OPTIONS");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("DAV")).isEqualTo("1, 2");
        assertThat(options.header("Allow")).contains("PROPFIND", "LOCK");
    }
}
