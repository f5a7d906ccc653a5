package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.LogRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may do what: Basic authentication, the home as the whole URL space, read-only users. */
class WebDavAccessTest {
    private static DavServer server;

    @BeforeAll
    static void start() {
        server = new DavServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void optionsIsAnsweredWithoutCredentials() {
        DavClient.Response options = new DavClient(server.url, null, null).request("OPTIONS", "/").send();

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("DAV")).hasValue("1, 2");
        assertThat(options.header("MS-Author-Via")).hasValue("DAV");
        assertThat(options.header("Allow").orElseThrow()).contains("PROPFIND", "LOCK");
    }

    @Test
    void anythingElseWithoutCredentialsIsChallenged() {
        DavClient.Response anonymous = new DavClient(server.url, null, null).get("/");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
    }

    @Test
    void aWrongPasswordIsChallengedAndLoggedWithTheAddress() {
        try (LogRecorder log = new LogRecorder(org.eventvfs.BasicLogin.class)) {
            DavClient.Response wrong = new DavClient(server.url, "alice", "guess").get("/");

            assertThat(wrong.status()).isEqualTo(401);
            assertThat(log.messages()).anyMatch(m -> m.contains("failed password login for user 'alice' from 127.0.0.1:"));
        }
        assertThat(new DavClient(server.url, "nobody", "guess").get("/").status()).isEqualTo(401);
    }

    @Test
    void eachUserSeesOnlyTheirHome() {
        DavClient alice = server.client("alice");
        assertThat(alice.put("/mine.txt", "alice's").status()).isEqualTo(201);
        assertThat(server.client("bob").put("/mine.txt", "bob's").status()).isEqualTo(201);

        assertThat(alice.get("/mine.txt").body()).isEqualTo("alice's");
        assertThat(server.volume().stat(VfsPath.parse("/home/alice/mine.txt")).await().size()).isEqualTo(7);
        assertThat(alice.get("/home/bob/mine.txt").status()).isEqualTo(404);
        assertThat(alice.propfind("/", "1", null).body()).doesNotContain("bob");
    }

    @Test
    void aReadOnlyUserReadsAndIsRefusedEveryWrite() {
        server.client("alice");
        DavClient reader = server.client("reader");
        long before = server.volume().position();

        assertThat(reader.propfind("/", "1", null).status()).isEqualTo(207);
        assertThat(reader.put("/x.txt", "x").status()).isEqualTo(403);
        assertThat(reader.mkcol("/dir").status()).isEqualTo(403);
        assertThat(reader.request("DELETE", "/").send().status()).isEqualTo(403);
        assertThat(reader.request("PROPPATCH", "/").body(PROPPATCH).send().status()).isEqualTo(403);
        assertThat(reader.request("LOCK", "/x.txt").body(LOCKINFO).send().status()).isEqualTo(403);
        assertThat(reader.request("COPY", "/").header("Destination", reader.url("/copy")).send().status())
                .isEqualTo(403);
        assertThat(server.volume().position()).isEqualTo(before);
    }

    static final String PROPPATCH = "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><p xmlns=\"urn:t\">v</p>"
            + "</D:prop></D:set></D:propertyupdate>";
    static final String LOCKINFO = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope>"
            + "<D:locktype><D:write/></D:locktype><D:owner>test</D:owner></D:lockinfo>";
}
