package org.eventvfs.storage.postgres;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests of several servers on one database; each test starts them with {@link #servers(URI)}. */
abstract class SharedDatabaseTest {
    @TempDir
    Path dir;

    private Servers servers;

    @AfterEach
    void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    /** Servers on {@code events}, stopped after the test. */
    Servers servers(URI events) {
        servers = new Servers(dir, events);
        return servers;
    }

    /** The servers started by {@link #servers(URI)}. */
    Servers servers() {
        return servers;
    }
}
