package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.LocalBlocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What real clients do that the RFC alone does not tell: Windows, macOS Finder, ownCloud clients, browsers. */
class WebDavClientQuirksTest {
    private static final String WINDOWS = "Microsoft-WebDAV-MiniRedir/10.0.19045";
    private static final String FINDER = "WebDAVFS/3.0.0 (03008000) Darwin/22.1.0 (x86_64)";
    private static DavServer server;
    private static DavClient alice;

    @BeforeAll
    static void start() {
        server = new DavServer();
        alice = server.client("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void windowsPropfindsTheRootAndKeepsItsWin32Properties() {
        assertThat(alice.mkcol("/win").status()).isEqualTo(201);
        assertThat(alice.put("/win/doc.txt", "text").status()).isEqualTo(201);

        DavClient.Response root = alice.request("PROPFIND", "/").header("Depth", "0")
                .header("User-Agent", WINDOWS).send();
        assertThat(root.status()).isEqualTo(207);
        assertThat(root.body()).contains("<D:href>/</D:href>", "<D:collection/>");

        String win32 = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><D:propertyupdate xmlns:D=\"DAV:\" "
                + "xmlns:Z=\"urn:schemas-microsoft-com:\"><D:set><D:prop>"
                + "<Z:Win32CreationTime>Sun, 22 Nov 2026 01:00:00 GMT</Z:Win32CreationTime>"
                + "<Z:Win32LastModifiedTime>Sun, 22 Nov 2026 01:00:00 GMT</Z:Win32LastModifiedTime>"
                + "<Z:Win32FileAttributes>00000020</Z:Win32FileAttributes>"
                + "</D:prop></D:set></D:propertyupdate>";
        DavClient.Response patched = alice.request("PROPPATCH", "/win/doc.txt").header("User-Agent", WINDOWS)
                .body(win32).send();
        assertThat(patched.status()).isEqualTo(207);
        assertThat(patched.body()).contains("HTTP/1.1 200 OK").doesNotContain("403").doesNotContain("424");

        String props = alice.propfind("/win/doc.txt", "0", null).body();
        assertThat(props).contains("<Win32FileAttributes xmlns=\"urn:schemas-microsoft-com:\">00000020<");
    }

    @Test
    void finderChunkedUploadWithoutLengthKeepsEveryByte() {
        byte[] bytes = new byte[300_000];
        new Random(3).nextBytes(bytes);

        DavClient.Response put = alice.request("PUT", "/finder.bin").header("User-Agent", FINDER)
                .header("X-Expected-Entity-Length", Integer.toString(bytes.length))
                .chunked(new ByteArrayInputStream(bytes)).send();

        assertThat(put.status()).isEqualTo(201);
        assertThat(alice.get("/finder.bin").bytes()).isEqualTo(bytes);
    }

    @Test
    void finderLocksAnUnmappedUrlThenPutsWithTheToken() {
        DavClient.Response lock = alice.request("LOCK", "/report.pages").header("User-Agent", FINDER)
                .header("Timeout", "Second-600").body(WebDavAccessTest.LOCKINFO).send();
        assertThat(lock.status()).isEqualTo(201);
        String token = lock.header("Lock-Token").orElseThrow();
        assertThat(alice.get("/report.pages").bytes()).isEmpty();

        assertThat(alice.put("/report.pages", "no token").status()).isEqualTo(423);
        DavClient.Response put = alice.request("PUT", "/report.pages").header("If", "(" + token + ")")
                .body("content").send();
        assertThat(put.status()).isEqualTo(204);
        assertThat(alice.put("/._report.pages", "resource fork").status()).isEqualTo(201);
        assertThat(alice.request("UNLOCK", "/report.pages").header("Lock-Token", token).send().status())
                .isEqualTo(204);
        assertThat(alice.get("/report.pages").body()).isEqualTo("content");
        assertThat(alice.get("/._report.pages").body()).isEqualTo("resource fork");
    }

    @Test
    void ownCloudHeadersSetTheTimeAndCheckTheBytes() {
        DavClient.Response put = alice.request("PUT", "/synced.txt").header("X-OC-Mtime", "1500000000")
                .header("OC-Checksum", "SHA1:a94a8fe5ccb19ba61c4c0873d391e987982fbbd3").body("test").send();

        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("X-OC-MTime")).hasValue("accepted");
        Node node = server.volume().stat(VfsPath.parse("/home/alice/synced.txt")).await();
        assertThat(node.modified()).isEqualTo(1_500_000_000_000L);
        assertThat(alice.propfind("/synced.txt", "0", null).body()).contains("Fri, 14 Jul 2017 02:40:00 GMT");
    }

    @Test
    void aBrowserGetsAnHtmlListingWithLinks() {
        assertThat(alice.mkcol("/site").status()).isEqualTo(201);
        assertThat(alice.mkcol("/site/sub%20dir").status()).isEqualTo(201);
        assertThat(alice.put("/site/%3Cb%3E.txt", "tag").status()).isEqualTo(201);

        for (String url : new String[] {"/site/", "/site"}) {
            DavClient.Response page = alice.request("GET", url).header("Accept", "text/html").send();

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("<a href=\"/site/sub%20dir/\">sub dir/</a>",
                    "<a href=\"/site/%3Cb%3E.txt\">&lt;b&gt;.txt</a>", "<a href=\"/\">../</a>");
        }
    }

    @Test
    void propfindNeverOpensContentToFindAType() throws Exception {
        assertThat(alice.put("/paper.pdf", "%PDF-1.7 not really").status()).isEqualTo(201);
        assertThat(alice.put("/notes", "plain words").status()).isEqualTo(201);
        LocalBlocks.loseAll(server.data.resolve("vfs").resolve("blobs"));

        String props = alice.propfind("/", "1", null).body();

        assertThat(props).contains("<D:getcontenttype>application/pdf</D:getcontenttype>",
                "<D:getcontenttype>application/octet-stream</D:getcontenttype>");
    }
}
