package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear status, changes nothing, and the server goes on serving. */
class WebDavBadInputTest {
    private DavServer server;
    private DavClient alice;

    @BeforeEach
    void start() {
        server = new DavServer(Map.of("depthInfinityLimit", 50, "maxXmlBytes", 4096, "maxUploadBytes", 100_000));
        alice = server.client("alice");
        assertThat(alice.mkcol("/docs").status()).isEqualTo(201);
        assertThat(alice.put("/docs/a.txt", "hello").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void malformedXmlIs400AndChangesNothing() {
        long before = server.volume().position();

        DavClient.Response response = alice.request("PROPPATCH", "/docs/a.txt")
                .body("<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop>").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(server.volume().position()).isEqualTo(before);
        assertStillServing();
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><leak xmlns=\"urn:x\">&x;</leak></D:prop>"
                + "</D:set></D:propertyupdate>";

        assertThat(alice.request("PROPPATCH", "/docs/a.txt").body(xxe).send().status()).isEqualTo(400);
        String props = alice.propfind("/docs/a.txt", "0", null).body();
        assertThat(props).doesNotContain("root:").doesNotContain("leak");
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<D:propfind xmlns:D=\"DAV:\"><D:prop><x xmlns=\"urn:x\">&b;</x></D:prop></D:propfind>";

        assertThat(alice.propfind("/docs", "0", laughs).status()).isEqualTo(400);
    }

    @Test
    void xmlTooDeepOrTooLargeIsRefused() {
        String deep = "<D:propfind xmlns:D=\"DAV:\"><D:prop>" + "<x xmlns=\"urn:x\">".repeat(100)
                + "</x>".repeat(100) + "</D:prop></D:propfind>";
        assertThat(alice.propfind("/docs", "0", deep).status()).isEqualTo(400);

        String large = "<D:propfind xmlns:D=\"DAV:\"><D:prop>" + "<x xmlns=\"urn:x\"/>".repeat(1000)
                + "</D:prop></D:propfind>";
        assertThat(alice.propfind("/docs", "0", large).status()).isEqualTo(413);
        assertStillServing();
    }

    @Test
    void depthInfinityOnATreeLargerThanTheLimitIs403() {
        for (int i = 0; i < 60; i++) {
            assertThat(alice.put("/docs/f" + i, "x").status()).isEqualTo(201);
        }

        DavClient.Response refused = alice.propfind("/", "infinity", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("propfind-finite-depth");
        assertThat(alice.propfind("/docs", "1", null).status()).isEqualTo(207);
    }

    @Test
    void dotDotInAUrlIsRefusedWhateverItsSpelling() {
        for (String path : new String[] {"/docs/%2e%2e/%2e%2e/bob/", "/docs/..%2f..%2fbob", "/%2E%2E/bob"}) {
            assertThat(alice.propfind(path, "0", null).status()).as(path).isEqualTo(400);
        }
        assertThat(alice.request("GET", "/docs/a%00b").send().status()).isEqualTo(400);
    }

    @Test
    void aDestinationOnAnotherServerOrOutsideTheHomeIsRefused() {
        long before = server.volume().position();

        DavClient.Response elsewhere = alice.request("COPY", "/docs/a.txt")
                .header("Destination", "http://example.org/a.txt").send();
        DavClient.Response escaping = alice.request("MOVE", "/docs/a.txt")
                .header("Destination", alice.url("/docs/../../bob/a.txt")).send();
        DavClient.Response encoded = alice.request("MOVE", "/docs/a.txt")
                .header("Destination", "/%2e%2e/bob/a.txt").send();

        assertThat(elsewhere.status()).isEqualTo(502);
        assertThat(escaping.status()).isEqualTo(400);
        assertThat(encoded.status()).isEqualTo(400);
        assertThat(server.volume().position()).isEqualTo(before);
    }

    @Test
    void aBodyLargerThanAllowedIs413AndStoresNothing() {
        long before = server.volume().position();

        DavClient.Response declared = alice.request("PUT", "/docs/big.bin").body(new byte[200_000]).send();
        DavClient.Response streamed = alice.request("PUT", "/docs/big.bin")
                .chunked(new ByteArrayInputStream(new byte[200_000])).send();

        assertThat(declared.status()).isEqualTo(413);
        assertThat(streamed.status()).as("a chunked body that passes the limit on the way").isEqualTo(413);
        assertThat(server.volume().position()).isEqualTo(before);
        assertThat(alice.get("/docs/big.bin").status()).isEqualTo(404);
        assertStillServing();
    }

    @Test
    void aWrongChecksumStoresNothing() {
        DavClient.Response response = alice.request("PUT", "/docs/a.txt").body("changed")
                .header("OC-Checksum", "SHA1:0000000000000000000000000000000000000000").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(alice.get("/docs/a.txt").body()).isEqualTo("hello");
    }

    @Test
    void badHeadersAre400() {
        assertThat(alice.propfind("/docs", "2", null).status()).isEqualTo(400);
        assertThat(alice.request("PUT", "/docs/a.txt").header("If", "(<urn:x").body("x").send().status())
                .isEqualTo(400);
        assertThat(alice.request("COPY", "/docs/a.txt").send().status()).isEqualTo(400);
        assertThat(alice.request("COPY", "/docs/a.txt").header("Destination", alice.url("/b"))
                .header("Overwrite", "maybe").send().status()).isEqualTo(400);
        assertThat(alice.get("/docs/a.txt").body()).isEqualTo("hello");
    }

    @Test
    void aBodyTheMethodDoesNotReadIsDroppedAndTheConnectionGoesOn() {
        assertThat(alice.put("/docs/b.txt", "b").status()).isEqualTo(201);

        assertThat(alice.request("DELETE", "/docs/b.txt").body("x".repeat(100_000)).send().status()).isEqualTo(204);
        assertThat(alice.request("GET", "/docs/a.txt").body("y".repeat(100_000)).send().body()).isEqualTo("hello");
        assertStillServing();
    }

    private void assertStillServing() {
        assertThat(alice.get("/docs/a.txt").body()).isEqualTo("hello");
        assertThat(server.client("bob").put("/b.txt", "b").status()).isEqualTo(201);
    }
}
