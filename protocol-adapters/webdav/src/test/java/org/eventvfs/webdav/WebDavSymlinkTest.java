package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Symbolic links made over SFTP are followed inside the home, as the user's chroot, and never out of it. */
class WebDavSymlinkTest {
    private static DavServer server;
    private static DavClient alice;

    @BeforeAll
    static void start() {
        server = new DavServer();
        alice = server.client("alice");
        alice.mkcol("/docs");
        alice.put("/docs/a.txt", "the target");
        server.client("bob").put("/secret.txt", "bob's");
        link("/home/alice/docs/link.txt", "a.txt");
        link("/home/alice/abs", "/docs");
        link("/home/alice/escape.txt", "../../bob/secret.txt");
        link("/home/alice/loop", "loop");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void link(String path, String target) {
        server.volume().execute(new VolumeCommand.CreateSymlink(VfsPath.parse(path), target),
                new Actor("alice", "sftp", "127.0.0.1:1", "s-1", "OpenSSH")).await();
    }

    @Test
    void aLinkServesWhatItLeadsTo() {
        assertThat(alice.get("/docs/link.txt").body()).isEqualTo("the target");
        assertThat(alice.get("/abs/a.txt").body()).isEqualTo("the target");
        assertThat(alice.propfind("/abs", "1", null).body()).contains("<D:href>/abs/a.txt</D:href>");
    }

    @Test
    void listingsShowLinksAsTheirTargetsAndLeaveOutThoseThatLeadNowhere() {
        String root = alice.propfind("/", "1", null).body();

        assertThat(root).contains("<D:href>/abs/</D:href>").doesNotContain("escape").doesNotContain("loop");
        assertThat(alice.propfind("/docs/link.txt", "0", null).body()).contains("<D:getcontentlength>10<");
    }

    @Test
    void noLinkLeadsOutOfTheHome() {
        assertThat(alice.get("/escape.txt").status()).isEqualTo(404);
        assertThat(alice.get("/loop").status()).isEqualTo(409);
        assertThat(alice.propfind("/", "infinity", null).status()).isEqualTo(207);
    }
}
