package org.eventvfs.webdav;

import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.AdapterTestServer;

/**
 * The WebDAV adapter on a free loopback port over a Vfs in a temporary folder, and three users:
 * alice and bob may write in their homes, reader may only read hers.
 */
final class DavServer extends AdapterTestServer<WebDavAdapter> {
    static final String PASSWORD = "correct horse";

    /** The server's base URL, {@code http://127.0.0.1:<port>} (https with a certificate). */
    final String url;

    DavServer() {
        this(Map.of());
    }

    DavServer(Map<String, Object> settings) {
        super(new WebDavAdapter(), settings);
        url = address;
        addUser("alice", PASSWORD, List.of(), false);
        addUser("bob", PASSWORD, List.of(), false);
        addUser("reader", PASSWORD, List.of(), true);
    }

    /** A client logged in as {@code user} with the right password. */
    DavClient client(String user) {
        return new DavClient(url, user, PASSWORD);
    }
}
