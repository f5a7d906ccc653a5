package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.testkit.LocalBlocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What WebDAV requests leave in the log: who did it, and one command per request. */
class WebDavEventsTest {
    private DavServer server;
    private DavClient alice;

    @BeforeEach
    void start() {
        server = new DavServer();
        alice = server.client("alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyEventCarriesTheUserTheProtocolTheAddressAndTheUserAgent() {
        alice.request("PUT", "/a.txt").header("User-Agent", "rclone/v1.60.1").body("a").send();

        EventEnvelope event = server.events().getLast();
        assertThat(event.actor().user()).isEqualTo("alice");
        assertThat(event.actor().protocol()).isEqualTo("webdav");
        assertThat(event.actor().address()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(event.actor().session()).startsWith("webdav-");
        assertThat(event.actor().client()).isEqualTo("rclone/v1.60.1");
    }

    @Test
    void deadPropertiesAreEvents() {
        alice.put("/a.txt", "a");

        String set = "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><color xmlns=\"urn:x\">blue</color></D:prop>"
                + "</D:set></D:propertyupdate>";
        assertThat(alice.request("PROPPATCH", "/a.txt").body(set).send().status()).isEqualTo(207);

        VolumeEvent.PropertiesChanged changed = (VolumeEvent.PropertiesChanged) server.events().getLast().payload();
        assertThat(changed.set()).containsEntry("{urn:x}color", "blue");
    }

    @Test
    void deletingACollectionIsOneCommand() {
        alice.mkcol("/tree");
        alice.mkcol("/tree/sub");
        alice.put("/tree/sub/a.txt", "a");
        alice.put("/tree/b.txt", "b");
        int before = server.events().size();

        assertThat(alice.request("DELETE", "/tree").send().status()).isEqualTo(204);

        List<EventEnvelope> deletion = server.events().subList(before, server.events().size());
        assertThat(deletion).isNotEmpty();
        assertThat(deletion.stream().map(EventEnvelope::commandId).collect(Collectors.toSet())).hasSize(1);
        assertThat(alice.get("/tree/b.txt").status()).isEqualTo(404);
    }

    @Test
    void aCopySharesTheContentBlocks() throws Exception {
        alice.mkcol("/src");
        alice.put("/src/big.bin", "x".repeat(200_000));
        long blocks = blockCount();

        assertThat(alice.request("COPY", "/src").header("Destination", alice.url("/dst")).send().status())
                .isEqualTo(201);

        Node source = server.volume().stat(VfsPath.parse("/home/alice/src/big.bin")).await();
        Node copy = server.volume().stat(VfsPath.parse("/home/alice/dst/big.bin")).await();
        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.content()).isEqualTo(source.content());
        assertThat(blockCount()).isEqualTo(blocks);
        assertThat(alice.get("/dst/big.bin").body()).hasSize(200_000);
    }

    private long blockCount() throws Exception {
        return LocalBlocks.count(server.data.resolve("vfs").resolve("blobs"));
    }
}
