package org.eventvfs.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogPage;
import org.eventvfs.audit.TreeListing;
import org.eventvfs.server.AdminApi.KeysChange;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.PasswordChange;
import org.eventvfs.server.AdminApi.User;

/**
 * {@link UserOperations}, {@link AuditOperations} and the rest of the admin API through a running
 * server's admin socket.
 */
final class AdminClient implements UserOperations, AuditOperations {
    private final HttpClient http;
    /**
     * Every request is made on this one context. Made from a thread outside Vert.x, each request
     * gets a context of its own, and when a reused connection belongs to another event loop the
     * response's body can arrive before {@code body()} is asked for, and is lost.
     */
    private final Context context;
    private final SocketAddress socket;
    private final String userAgent;

    AdminClient(Vertx vertx, Path socket) {
        this.http = vertx.createHttpClient();
        this.context = vertx.getOrCreateContext();
        this.socket = SocketAddress.domainSocketAddress(socket.toString());
        this.userAgent = "vfs-cli/" + VfsCommand.version() + " (pid " + ProcessHandle.current().pid() + ")";
    }

    @Override
    public Future<List<User>> list() {
        return call(HttpMethod.GET, AdminApi.USERS, null).map(AdminApi::decodeUsers);
    }

    @Override
    public Future<User> add(NewUser user) {
        return call(HttpMethod.POST, AdminApi.USERS, user).map(body -> AdminApi.decode(body, User.class));
    }

    @Override
    public Future<User> changePassword(String name, String passwordHash) {
        return call(HttpMethod.PUT, AdminApi.userPath(name) + "/password", new PasswordChange(passwordHash))
                .map(body -> AdminApi.decode(body, User.class));
    }

    @Override
    public Future<User> changeKeys(String name, List<String> keys) {
        return call(HttpMethod.PUT, AdminApi.userPath(name) + "/keys", new KeysChange(keys))
                .map(body -> AdminApi.decode(body, User.class));
    }

    @Override
    public Future<Void> remove(String name) {
        return call(HttpMethod.DELETE, AdminApi.userPath(name), null).mapEmpty();
    }

    Future<BlockMaintenance.GcResult> collectGarbage(BlockMaintenance.GcRequest request) {
        return call(HttpMethod.POST, BlockMaintenance.GC, request)
                .map(body -> AdminApi.decode(body, BlockMaintenance.GcResult.class));
    }

    Future<BlockMaintenance.CheckResult> verifyBlocks() {
        return verifyBlocks(null);
    }

    /** With a null request, every block any event references (no retention policy). */
    Future<BlockMaintenance.CheckResult> verifyBlocks(BlockMaintenance.VerifyRequest request) {
        return call(HttpMethod.POST, BlockMaintenance.VERIFY, request)
                .map(body -> AdminApi.decode(body, BlockMaintenance.CheckResult.class));
    }

    Future<Repairs.RepairReport> restore(Repairs.RestoreRequest request) {
        return call(HttpMethod.POST, Repairs.RESTORE, request)
                .map(body -> AdminApi.decode(body, Repairs.RepairReport.class));
    }

    Future<Repairs.RepairReport> undo(Repairs.UndoRequest request) {
        return call(HttpMethod.POST, Repairs.UNDO, request)
                .map(body -> AdminApi.decode(body, Repairs.RepairReport.class));
    }

    @Override
    public Future<LogPage> log(String volume, Map<String, List<String>> parameters) {
        return call(HttpMethod.GET, AdminApi.volumePath(volume, "log", parameters), null)
                .map(body -> AdminApi.decode(body, LogPage.class));
    }

    @Override
    public Future<FileHistory> history(String volume, Map<String, List<String>> parameters) {
        return call(HttpMethod.GET, AdminApi.volumePath(volume, "history", parameters), null)
                .map(body -> AdminApi.decode(body, FileHistory.class));
    }

    @Override
    public Future<TreeListing> tree(String volume, Map<String, List<String>> parameters) {
        return call(HttpMethod.GET, AdminApi.volumePath(volume, "tree", parameters), null)
                .map(body -> AdminApi.decode(body, TreeListing.class));
    }

    @Override
    public Future<Buffer> content(String volume, String path, long position, long offset, int length) {
        return call(HttpMethod.GET, AdminApi.volumePath(volume, "content", Map.of("path", List.of(path),
                "position", List.of(Long.toString(position)), "offset", List.of(Long.toString(offset)),
                "length", List.of(Integer.toString(length)))), null);
    }

    Future<List<LogIntegrity.ChainResult>> verifyChains() {
        return call(HttpMethod.POST, LogIntegrity.CHAINS, null)
                .map(body -> AdminApi.decodeList(body, LogIntegrity.ChainResult.class));
    }

    Future<List<LogIntegrity.Head>> heads() {
        return call(HttpMethod.GET, LogIntegrity.HEADS, null)
                .map(body -> AdminApi.decodeList(body, LogIntegrity.Head.class));
    }

    Future<List<LogIntegrity.HeadCheck>> verifyCheckpoint(List<LogIntegrity.Head> heads) {
        return call(HttpMethod.POST, LogIntegrity.CHECKPOINT, heads)
                .map(body -> AdminApi.decodeList(body, LogIntegrity.HeadCheck.class));
    }

    Future<StatsReport> stats() {
        return call(HttpMethod.GET, StatsReport.PATH, null).map(body -> AdminApi.decode(body, StatsReport.class));
    }

    Future<List<AdminApi.Session>> sessions() {
        return call(HttpMethod.GET, AdminApi.SESSIONS, null)
                .map(body -> AdminApi.decodeList(body, AdminApi.Session.class));
    }

    Future<AdminApi.Kicked> kick(String id) {
        return call(HttpMethod.DELETE, AdminApi.sessionPath(id), null)
                .map(body -> AdminApi.decode(body, AdminApi.Kicked.class));
    }

    Future<AdminApi.Kicked> kickUser(String user) {
        return call(HttpMethod.DELETE, AdminApi.sessionsOf(user), null)
                .map(body -> AdminApi.decode(body, AdminApi.Kicked.class));
    }

    Future<Void> close() {
        return http.close();
    }

    /** The response body of a 2xx answer; otherwise fails with the server's error message. */
    private Future<Buffer> call(HttpMethod method, String path, Object body) {
        RequestOptions request = new RequestOptions().setServer(socket).setHost("localhost").setMethod(method)
                .setURI(path).putHeader(HttpHeaders.USER_AGENT, userAgent);
        if (body != null) {
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        Promise<Buffer> answered = Promise.promise();
        context.runOnContext(onContext -> http.request(request)
                .compose(sent -> body == null ? sent.send() : sent.send(AdminApi.encode(body)))
                .compose(response -> response.body().compose(content -> answer(response, content)))
                .onComplete(answered));
        return answered.future();
    }

    private static Future<Buffer> answer(HttpClientResponse response, Buffer content) {
        if (response.statusCode() / 100 == 2) {
            return Future.succeededFuture(content);
        }
        String error;
        try {
            error = AdminApi.decode(content, AdminApi.ErrorReply.class).error();
        } catch (AdminApi.BadRequest unreadable) {
            error = "the server answered " + response.statusCode() + " " + response.statusMessage();
        }
        return Future.failedFuture(new CommandFailure(error));
    }
}
