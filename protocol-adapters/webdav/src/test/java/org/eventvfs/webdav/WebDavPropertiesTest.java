package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live properties beyond litmus's: quotas, lockdiscovery, propname, allprop with include. */
class WebDavPropertiesTest {
    private static DavServer server;
    private static DavClient alice;

    @BeforeAll
    static void start() {
        server = new DavServer();
        alice = server.client("alice");
        alice.mkcol("/q");
        alice.put("/q/a.txt", "x".repeat(1000));
        alice.put("/q/b.txt", "y".repeat(234));
        server.client("bob").put("/not-counted.txt", "z".repeat(5000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void quotasCountTheUsersFilesAndTheFreeSpaceAndOnlyWhenAskedFor() {
        String asked = alice.propfind("/", "0", "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:quota-used-bytes/>"
                + "<D:quota-available-bytes/></D:prop></D:propfind>").body();

        assertThat(number(asked, "quota-used-bytes")).isEqualTo(1234);
        assertThat(number(asked, "quota-available-bytes")).isPositive();
        assertThat(alice.propfind("/", "0", null).body()).doesNotContain("quota");
        String included = alice.propfind("/", "0", "<D:propfind xmlns:D=\"DAV:\"><D:allprop/><D:include>"
                + "<D:quota-used-bytes/></D:include></D:propfind>").body();
        assertThat(included).contains("<D:resourcetype>").contains("<D:quota-used-bytes>1234<");
    }

    @Test
    void lockdiscoveryShowsTheActiveLock() {
        DavClient.Response lock = alice.request("LOCK", "/q/b.txt").header("Timeout", "Second-300")
                .body(WebDavAccessTest.LOCKINFO).send();
        String token = lock.header("Lock-Token").orElseThrow();

        String discovered = alice.propfind("/q/b.txt", "0", "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:lockdiscovery/>"
                + "</D:prop></D:propfind>").body();

        assertThat(discovered).contains("<D:exclusive/>", "<D:depth>infinity</D:depth>", "<D:owner>test</D:owner>",
                token.substring(1, token.length() - 1), "<D:lockroot><D:href>/q/b.txt</D:href>");
        assertThat(number(discovered.replace("Second-", "<D:timeout>"), "timeout")).isBetween(290L, 300L);
        alice.request("UNLOCK", "/q/b.txt").header("Lock-Token", token).send();
    }

    @Test
    void propnameListsLiveAndDeadNamesWithoutValues() {
        alice.request("PROPPATCH", "/q/a.txt").body(WebDavAccessTest.PROPPATCH).send();

        String names = alice.propfind("/q/a.txt", "0", "<D:propfind xmlns:D=\"DAV:\"><D:propname/></D:propfind>")
                .body();

        assertThat(names).contains("<D:getetag/>", "<D:getcontentlength/>", "<p xmlns=\"urn:t\"/>")
                .doesNotContain(">v<");
    }

    @Test
    void aMissingPropertyIs404InItsOwnPropstat() {
        String body = alice.propfind("/q", "0", "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getcontentlength/>"
                + "<D:displayname/><x:nope xmlns:x=\"urn:x\"/></D:prop></D:propfind>").body();

        assertThat(body).contains("<D:displayname>q</D:displayname>");
        assertThat(body).containsPattern("<D:getcontentlength/><nope xmlns=\"urn:x\"/></D:prop><D:status>HTTP/1.1 404");
    }

    private static long number(String xml, String element) {
        Matcher m = Pattern.compile("<D:" + element + ">(\\d+)<").matcher(xml);
        assertThat(m.find()).as(xml).isTrue();
        return Long.parseLong(m.group(1));
    }
}
