package org.eventvfs.httpapi;

import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.AdapterTestServer;
import org.eventvfs.testkit.AuditScenario;
import org.eventvfs.testkit.TestUsers;

/**
 * The HTTP API on a free loopback port over a Vfs in a temporary folder, with the audit history
 * of {@link AuditScenario} written in the homes of alice and bob, and carol in another volume.
 */
final class ApiServer extends AdapterTestServer<HttpApiAdapter> {
    static final String PASSWORD = "correct horse";

    final AuditScenario scenario;

    ApiServer() {
        super(new HttpApiAdapter(), Map.of("loginCacheSeconds", 60));
        addUser("alice", PASSWORD, List.of(), false);
        addUser("bob", PASSWORD, List.of(), false);
        TestUsers.add(vfs, "other", "carol", PASSWORD, List.of(), false);
        scenario = AuditScenario.write(volume(), "/home/alice", "/home/bob");
    }

    /** {@code http://127.0.0.1:<port>/api/v1/volumes/<volume>/<rest>}. */
    String url(String volume, String rest) {
        return address + "/api/v1/volumes/" + volume + "/" + rest;
    }
}
