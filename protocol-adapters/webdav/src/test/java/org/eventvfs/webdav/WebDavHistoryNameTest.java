package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventvfs.HistoryFolder;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history folder's name: a real node of that name wins, an empty name turns it off, any other name works. */
class WebDavHistoryNameTest {
    private HistoryDavServer server;
    private long one;

    @BeforeEach
    void history() {
        server = new HistoryDavServer();
        one = server.write("/home/alice/a.txt", "version one");
        server.write("/home/alice/a.txt", "version two");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRealNodeOfThatNameWinsAndIsListed() {
        DavClient alice = server.start(HistoryFolder.DEFAULT_NAME);
        server.then(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/alice/.history"), 0755));
        server.write("/home/alice/.history/note.txt", "mine");

        assertThat(alice.get("/.history/note.txt").body()).isEqualTo("mine");
        assertThat(alice.get("/.history/@" + one + "/a.txt").status()).isEqualTo(404);
        assertThat(alice.propfind("/", "1", null).body()).contains("<D:href>/.history/</D:href>");
        assertThat(alice.put("/.history/more.txt", "also mine").status()).isEqualTo(201);
        assertThat(alice.request("DELETE", "/.history/").send().status()).isEqualTo(204);
        assertThat(alice.get("/.history/@" + one + "/a.txt").body()).as("gone: the folder is back")
                .isEqualTo("version one");
    }

    @Test
    void anEmptyNameTurnsTheFolderOff() {
        DavClient alice = server.start("");

        assertThat(alice.get("/.history/@" + one + "/a.txt").status()).isEqualTo(404);
        assertThat(alice.propfind("/.history/", "1", null).status()).isEqualTo(404);
        assertThat(alice.mkcol("/.history").status()).as("an ordinary name").isEqualTo(201);
    }

    @Test
    void anyOtherNameServesTheSameFolder() {
        DavClient alice = server.start("snapshots");

        assertThat(alice.get("/snapshots/@" + one + "/a.txt").body()).isEqualTo("version one");
        assertThat(alice.propfind("/snapshots/@" + one + "/", "1", null).body())
                .contains("<D:href>/snapshots/%40" + one + "/a.txt</D:href>");
        assertThat(alice.propfind("/snapshots/", "1", null).body()).contains("<D:href>/snapshots/%40" + one + "/");
        assertThat(alice.put("/snapshots/@" + one + "/a.txt", "x").body()).contains("/snapshots/ is read-only");
        assertThat(alice.get("/.history/@" + one + "/a.txt").status()).isEqualTo(404);
    }
}
