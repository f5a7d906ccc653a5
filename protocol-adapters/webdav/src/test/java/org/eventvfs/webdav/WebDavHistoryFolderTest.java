package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eventvfs.HistoryFolder;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history folder over WebDAV on one small history: alice's docs/a.txt in two versions, a
 * dead property changed, a link that later goes away. Past trees read as they were; every write
 * in the folder is 403 and changes nothing; a COPY out of it restores a file.
 */
class WebDavHistoryFolderTest {
    private static final String COLOR = "{urn:test}color";
    private static HistoryDavServer server;
    private static DavClient alice;
    private static long beforeHome;
    private static long one;
    private static long linked;
    private static long two;

    @BeforeAll
    static void history() {
        server = new HistoryDavServer();
        alice = server.start(HistoryFolder.DEFAULT_NAME);
        beforeHome = 0;
        server.then(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/alice/docs"), 0755));
        server.write("/home/alice/docs/a.txt", "version one");
        one = server.then(new VolumeCommand.SetProperties(VfsPath.parse("/home/alice/docs/a.txt"),
                Map.of(COLOR, "blue"), Set.of()));
        server.then(new VolumeCommand.CreateSymlink(VfsPath.parse("/home/alice/link.txt"), "docs/a.txt"));
        linked = server.then(new VolumeCommand.CreateSymlink(VfsPath.parse("/home/alice/escape.txt"),
                "../bob/secret.txt"));
        server.write("/home/alice/docs/a.txt", "version two, longer");
        server.then(new VolumeCommand.SetProperties(VfsPath.parse("/home/alice/docs/a.txt"), Map.of(COLOR, "red"),
                Set.of()));
        two = server.then(new VolumeCommand.Remove(VfsPath.parse("/home/alice/link.txt"), RemoveMode.RECURSIVE));
        server.write("/home/bob/secret.txt", "bob's");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String past(long position, String path) {
        return "/.history/@" + position + path;
    }

    @Test
    void theFolderListsItsEntriesAsCollectionsDatedByTheirTime() {
        DavClient.Response listing = alice.propfind("/.history/", "1", null);

        assertThat(listing.status()).isEqualTo(207);
        List<DavTree.Response> responses = DavTree.responses(listing.body());
        List<HistoryFolder.Entry> entries = HistoryFolder.entries(server.volume());
        assertThat(entries).hasSizeGreaterThan(2);
        assertThat(responses).extracting(DavTree.Response::href).containsExactlyElementsOf(
                Stream.concat(Stream.of("/.history/"),
                        entries.stream().map(e -> "/.history/" + e.name() + "/")).toList());
        assertThat(responses).allMatch(DavTree.Response::collection);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(responses.get(i + 1).modifiedSecond()).isEqualTo(entries.get(i).time() / 1000);
        }
        assertThat(alice.propfind("/.history", "0", null).body()).contains("<D:href>/.history/</D:href>")
                .doesNotContain("@" + one);
        assertThat(alice.propfind("/.history/", "infinity", null).status()).isEqualTo(403);
    }

    @Test
    void anEntrysTagNeverChanges() {
        String before = alice.propfind(past(one, "/"), "0", null).body();
        long position = server.then(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/alice/later"), 0755));

        assertThat(alice.propfind(past(one, "/"), "0", null).body()).isEqualTo(before).contains("<D:getetag>");
        assertThat(alice.propfind(past(position, "/"), "0", null).body()).isNotEqualTo(before);
    }

    @Test
    void theFolderIsLeftOutOfTheHomesListingsButAnswers() {
        assertThat(alice.propfind("/", "1", null).body()).contains("/docs/").doesNotContain(".history");
        assertThat(alice.propfind("/", "infinity", null).body()).doesNotContain(".history");
        assertThat(alice.get("/").body()).contains("docs/").doesNotContain(".history");
        assertThat(alice.get("/.history/").status()).isEqualTo(200);
    }

    @Test
    void aPastFileReadsAsItWasWithItsPropertiesRangesAndConditions() {
        DavClient.Response first = alice.get(past(one, "/docs/a.txt"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("version one");
        assertThat(alice.get("/docs/a.txt").body()).isEqualTo("version two, longer");
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).isNotEqualTo(alice.get("/docs/a.txt").header("ETag").orElseThrow());

        DavClient.Response range = alice.request("GET", past(one, "/docs/a.txt")).header("Range", "bytes=8-").send();
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("one");
        DavClient.Response head = alice.request("HEAD", past(one, "/docs/a.txt")).send();
        assertThat(head.header("Content-Length")).contains("11");
        assertThat(alice.request("GET", past(one, "/docs/a.txt")).header("If-None-Match", etag).send().status())
                .isEqualTo(304);

        String props = alice.propfind(past(one, "/docs/a.txt"), "0", null).body();
        assertThat(props).contains("<D:href>/.history/%40" + one + "/docs/a.txt</D:href>",
                "<D:getcontentlength>11</D:getcontentlength>", "<D:getcontenttype>text/plain",
                "<D:getetag>" + etag + "</D:getetag>", ">blue<", "<D:supportedlock/>");
        assertThat(alice.propfind(past(two, "/docs/a.txt"), "0", null).body()).contains(">red<");
    }

    @Test
    void pastLocksAreNotShownAndNothingInThePastCanBeLocked() {
        String lockinfo = "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/>"
                + "</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>";
        DavClient.Response lock = alice.request("LOCK", "/docs/").body(lockinfo).send();
        assertThat(lock.status()).isEqualTo(200);
        try {
            assertThat(alice.propfind("/docs/a.txt", "0", null).body()).contains("<D:activelock>");
            assertThat(alice.propfind(past(two, "/docs/a.txt"), "0", null).body()).doesNotContain("activelock");
            assertThat(alice.request("UNLOCK", past(two, "/docs/"))
                    .header("Lock-Token", lock.header("Lock-Token").orElseThrow()).send().status()).isEqualTo(403);
        } finally {
            alice.request("UNLOCK", "/docs/").header("Lock-Token", lock.header("Lock-Token").orElseThrow()).send();
        }
    }

    @Test
    void linksAreFollowedInThePastTreeAndNeverOutOfTheHome() {
        assertThat(alice.get(past(linked, "/link.txt")).body()).isEqualTo("version one");
        assertThat(alice.propfind(past(linked, "/"), "1", null).body()).contains("/link.txt</D:href>")
                .doesNotContain("escape");
        assertThat(alice.get(past(two, "/link.txt")).status()).as("removed by then").isEqualTo(404);
        assertThat(alice.get(past(linked, "/escape.txt")).status()).isEqualTo(404);
        assertThat(alice.get("/escape.txt").status()).isEqualTo(404);
    }

    @Test
    void theHomeBeforeItExistedIsAnEmptyCollection() {
        List<DavTree.Response> responses = DavTree.responses(alice.propfind(past(beforeHome, "/"), "1", null).body());

        assertThat(responses).extracting(DavTree.Response::href).containsExactly("/.history/@0/");
        assertThat(responses.getFirst().collection()).isTrue();
        assertThat(alice.get(past(beforeHome, "/")).status()).isEqualTo(200);
        assertThat(alice.get(past(beforeHome, "/docs/a.txt")).status()).isEqualTo(404);
    }

    @Test
    void aNameThatIsNoPointInTheHistoryIs404() {
        for (String path : List.of("/.history/yesterday/", "/.history/@99999/", "/.history/yesterday/docs/a.txt",
                "/.history/2026-13-45/")) {
            assertThat(alice.get(path).status()).as(path).isEqualTo(404);
            assertThat(alice.propfind(path, "0", null).status()).as(path).isEqualTo(404);
        }
        assertThat(alice.get("/.history/yesterday/").body()).contains("@12");
    }

    @Test
    void everyWriteInTheFolderIs403AndChangesNothing() {
        long before = server.volume().position();
        String entry = past(one, "");
        String proppatch = "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop>"
                + "<x xmlns=\"urn:x\">1</x></D:prop></D:set></D:propertyupdate>";
        String lockinfo = "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/>"
                + "</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>";
        List<DavClient.Request> writes = List.of(
                alice.request("PUT", entry + "/docs/a.txt").body("overwritten"),
                alice.request("PUT", entry + "/new.txt").body("new"),
                alice.request("PUT", "/.history/new.txt").body("new"),
                alice.request("PUT", "/.history/yesterday/new.txt").body("new"),
                alice.request("MKCOL", entry + "/made/"),
                alice.request("MKCOL", "/.history/"),
                alice.request("DELETE", entry + "/docs/a.txt"),
                alice.request("DELETE", entry + "/"),
                alice.request("DELETE", "/.history/"),
                alice.request("PROPPATCH", entry + "/docs/a.txt").body(proppatch),
                alice.request("LOCK", entry + "/docs/a.txt").body(lockinfo),
                alice.request("LOCK", entry + "/unmapped.txt").body(lockinfo),
                alice.request("MOVE", entry + "/docs/a.txt").header("Destination", "/moved.txt"),
                alice.request("MOVE", "/docs/a.txt").header("Destination", entry + "/docs/b.txt"),
                alice.request("COPY", "/docs/a.txt").header("Destination", entry + "/docs/b.txt"),
                alice.request("COPY", "/docs/a.txt").header("Destination", alice.url("/.history/b.txt")),
                alice.request("COPY", entry + "/docs/a.txt").header("Destination", past(two, "/docs/a.txt")));
        for (DavClient.Request write : writes) {
            DavClient.Response response = write.send();
            assertThat(response.status()).as(response.raw().request().method() + " " + response.raw().uri())
                    .isEqualTo(403);
            assertThat(response.body()).contains("/.history/ is read-only");
        }
        assertThat(server.volume().position()).isEqualTo(before);
        assertThat(alice.get("/docs/a.txt").body()).isEqualTo("version two, longer");
    }

    @Test
    void aCopyOutOfTheFolderRestoresAFileAsANewRevision() {
        DavClient.Response copied = alice.request("COPY", past(one, "/docs/a.txt"))
                .header("Destination", alice.url("/restored.txt")).send();

        assertThat(copied.status()).isEqualTo(201);
        Node restored = server.volume().stat(VfsPath.parse("/home/alice/restored.txt")).await();
        Node old = server.volume().stat(VfsPath.parse("/home/alice/docs/a.txt"), one).await();
        assertThat(restored.content()).isEqualTo(old.content());
        assertThat(restored.mode()).isEqualTo(old.mode());
        assertThat(restored.modified()).isEqualTo(old.modified());
        assertThat(alice.get("/restored.txt").body()).isEqualTo("version one");
        assertThat(alice.request("COPY", past(one, "/docs/a.txt")).header("Destination", "/restored.txt")
                .header("Overwrite", "F").send().status()).isEqualTo(412);
        assertThat(alice.request("COPY", past(one, "/docs/a.txt")).header("Destination", "/none/a.txt").send()
                .status()).isEqualTo(409);
        assertThat(alice.request("COPY", past(one, "/nothing.txt")).header("Destination", "/x.txt").send().status())
                .isEqualTo(404);
        DavClient.Response folder = alice.request("COPY", past(one, "/docs/")).header("Destination", "/docs2/")
                .send();
        assertThat(folder.status()).isEqualTo(403);
        assertThat(folder.body()).contains("only a file");
        assertThat(alice.get(past(one, "/docs/a.txt")).body()).as("the past stays").isEqualTo("version one");
    }

    @Test
    void theFolderIsBrowsableAsPagesOfLinks() {
        String folder = alice.get("/.history/").body();
        assertThat(folder).contains("<title>/.history/</title>", "href=\"/\">../<",
                "href=\"/.history/%40" + one + "/\">@" + one + "/<");
        String entry = alice.get(past(one, "/")).body();
        assertThat(entry).contains("href=\"/.history/\">../<", "href=\"/.history/%40" + one + "/docs/\">docs/<");
        String docs = alice.get(past(one, "/docs")).body();
        assertThat(docs).contains("href=\"/.history/%40" + one + "/\">../<",
                "href=\"/.history/%40" + one + "/docs/a.txt\">a.txt<", "<td>11</td>");
        DavClient.Response options = alice.request("OPTIONS", past(one, "/docs/a.txt")).send();
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("DAV")).contains("1, 2");
        DavClient.Response head = alice.request("HEAD", "/.history/").send();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }
}
