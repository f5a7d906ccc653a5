package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Actor;

/**
 * The admin API on the unix-domain socket {@code <data>/admin.sock}, which only the server's OS
 * user may connect to (0600): whoever can connect can add users, so the socket is the password.
 */
final class AdminServer {
    static final String SOCKET_FILE = "admin.sock";
    /** The socket is 0600, so whoever connects runs as the server's own OS user. */
    private static final String OS_USER = System.getProperty("user.name");
    private static final AtomicLong REQUESTS = new AtomicLong();

    private final Vertx vertx;
    private final HttpServer server;
    private final Path socket;

    private AdminServer(Vertx vertx, HttpServer server, Path socket) {
        this.vertx = vertx;
        this.server = server;
        this.socket = socket;
    }

    /**
     * Binds in a private folder, sets 0600, then renames into place: binding at the final path
     * would leave a moment in which the socket has the umask's permissions and anyone may connect.
     * Call only while holding the data folder's lock, since an old socket file there is removed.
     */
    static Future<AdminServer> start(Vertx vertx, Path socket, Vfs vfs) {
        AdminRoutes routes = new AdminRoutes(vertx, vfs);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (!routes.health(request)) {
                routes.handle(request, new Actor(OS_USER, "admin", "local", "admin-" + REQUESTS.incrementAndGet(),
                        request.getHeader(HttpHeaders.USER_AGENT)));
            }
        });
        return vertx.executeBlocking(() -> privateFolderBeside(socket)).compose(folder -> {
            Path bound = folder.resolve(SOCKET_FILE);
            return server.listen(SocketAddress.domainSocketAddress(bound.toString()))
                    .compose(listening -> vertx.executeBlocking(() -> publish(bound, socket)))
                    .recover(failure -> server.close().transform(closed -> vertx.executeBlocking(() -> {
                        Files.deleteIfExists(bound);
                        Files.deleteIfExists(folder);
                        return null;
                    })).transform(cleaned -> Future.failedFuture(failure)))
                    .map(published -> new AdminServer(vertx, server, socket));
        });
    }

    private static Path privateFolderBeside(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        return Files.createTempDirectory(socket.getParent(), ".admin-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static Void publish(Path bound, Path socket) throws IOException {
        Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
        Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(bound.getParent());
        return null;
    }

    /** Stops answering and removes the socket file. */
    Future<Void> close() {
        return server.close().compose(closed -> vertx.executeBlocking(() -> {
            Files.deleteIfExists(socket);
            return null;
        }));
    }
}
