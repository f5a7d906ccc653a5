package org.eventvfs.sftp;

import java.util.Map;
import org.eventvfs.testkit.AdapterTestServer;

/** The SFTP adapter on a free loopback port over a Vfs in a temporary folder; tests add their users. */
final class TestServer extends AdapterTestServer<SftpAdapter> {
    TestServer() {
        this(Map.of());
    }

    TestServer(Map<String, Object> settings) {
        super(new SftpAdapter(), settings);
    }
}
