package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin socket is the password: only the server's own OS user may connect to it. Connecting
 * as another user ({@code nobody}, through {@code setpriv}) needs root, as CI runs.
 */
@Timeout(60)
class AdminSocketAccessTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheServersUserMayConnect() throws Exception {
        Path data = dir.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            Path socket = data.resolve(AdminServer.SOCKET_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(Files.getOwner(socket).getName()).isEqualTo(System.getProperty("user.name"));

            assertThat(curl(List.of(), socket)).as("the server's own user").isZero();
            // Another user gets no connection at all (curl exit 7), whatever the path's folders allow.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(curl(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"), socket))
                    .as("nobody").isEqualTo(7);
        }
    }

    private static int curl(List<String> as, Path socket) throws Exception {
        List<String> command = new java.util.ArrayList<>(as);
        command.addAll(List.of("curl", "-s", "-o", "/dev/null", "--fail", "--unix-socket", socket.toString(),
                "http://localhost/v1/users"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
