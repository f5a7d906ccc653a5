package org.eventvfs.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.eventvfs.testkit.AdapterTestServer;

/**
 * The FTP adapter on a free loopback port over a Vfs in a temporary folder, and three users:
 * alice and bob may write in their homes, reader may only read hers.
 */
final class FtpTestServer extends AdapterTestServer<FtpAdapter> {
    static final String PASSWORD = "correct horse";

    FtpTestServer() {
        this(Map.of());
    }

    FtpTestServer(Map<String, Object> settings) {
        super(new FtpAdapter(), settings);
        addUser("alice", PASSWORD, List.of(), false);
        addUser("bob", PASSWORD, List.of(), false);
        addUser("reader", PASSWORD, List.of(), true);
    }

    /** A client connected, logged in as {@code user}, in binary mode and passive. */
    FTPClient login(String user) throws IOException {
        FTPClient client = connect();
        assertThat(client.login(user, PASSWORD)).as(client.getReplyString()).isTrue();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    /** A client connected but not logged in. */
    FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setControlEncoding("UTF-8");
        client.setDefaultTimeout(20_000);
        client.setDataTimeout(java.time.Duration.ofSeconds(20));
        client.connect("127.0.0.1", port);
        return client;
    }
}
