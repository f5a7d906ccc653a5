package org.eventvfs.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
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
    /** The admin socket, or null when requests go to {@link #server}. */
    private final SocketAddress socket;
    private final URI server;
    private final String userAgent;

    AdminClient(Vertx vertx, Path socket) {
        this(vertx, vertx.createHttpClient(), SocketAddress.domainSocketAddress(socket.toString()), null);
    }

    /**
     * A client of a server's TCP admin port ({@code https://host:port}), for what needs no
     * administrator: {@link #join}. {@code caCertificate}, if given, is the PEM certificate to trust
     * (the server's own self-signed one), else the JDK's trusted authorities.
     */
    AdminClient(Vertx vertx, URI server, Path caCertificate) {
        this(vertx, vertx.createHttpClient(new HttpClientOptions().setSsl(server.getScheme().equals("https"))
                .setTrustOptions(caCertificate == null ? null
                        : new PemTrustOptions().addCertPath(caCertificate.toString()))), null, server);
    }

    private AdminClient(Vertx vertx, HttpClient http, SocketAddress socket, URI server) {
        this.http = http;
        this.context = vertx.getOrCreateContext();
        this.socket = socket;
        this.server = server;
        this.userAgent = "vfs-cli/" + VfsCommand.version() + " (pid " + ProcessHandle.current().pid() + ")";
    }

    @Override
    public Future<List<User>> list() {
        return call(HttpMethod.GET, AdminApi.USERS, null).map(AdminApi::decodeUsers);
    }

    @Override
    public Future<User> add(NewUser user) {
        return call(HttpMethod.POST, AdminApi.USERS, user).map(AdminClient::user);
    }

    @Override
    public Future<User> changePassword(String name, String passwordHash) {
        return call(HttpMethod.PUT, AdminApi.userPath(name) + "/password", new PasswordChange(passwordHash))
                .map(AdminClient::user);
    }

    @Override
    public Future<User> changeKeys(String name, List<String> keys) {
        return call(HttpMethod.PUT, AdminApi.userPath(name) + "/keys", new KeysChange(keys))
                .map(AdminClient::user);
    }

    @Override
    public Future<User> disable(String name) {
        return call(HttpMethod.POST, AdminApi.userPath(name) + "/disable", null).map(AdminClient::user);
    }

    @Override
    public Future<User> enable(String name) {
        return call(HttpMethod.POST, AdminApi.userPath(name) + "/enable", null).map(AdminClient::user);
    }

    @Override
    public Future<User> setAdmin(String name, boolean admin) {
        return call(HttpMethod.PUT, AdminApi.userPath(name) + "/admin", new AdminApi.AdminChange(admin))
                .map(AdminClient::user);
    }

    @Override
    public Future<AdminApi.Invitation> invite(AdminApi.NewInvite invite) {
        return call(HttpMethod.POST, AdminApi.INVITES, invite)
                .map(body -> AdminApi.decode(body, AdminApi.Invitation.class));
    }

    @Override
    public Future<Void> revokeInvite(String name) {
        return call(HttpMethod.DELETE, AdminApi.INVITES + "/" + name, null).mapEmpty();
    }

    @Override
    public Future<AdminApi.Joined> join(String code, String passwordHash, List<String> keys) {
        return call(HttpMethod.POST, AdminApi.JOIN, new AdminApi.JoinRequest(code, null, passwordHash, keys))
                .map(body -> AdminApi.decode(body, AdminApi.Joined.class));
    }

    Future<List<VolumeSummaries.VolumeSummary>> volumes() {
        return call(HttpMethod.GET, AdminApi.VOLUMES, null)
                .map(body -> AdminApi.decodeList(body, VolumeSummaries.VolumeSummary.class));
    }

    private static User user(Buffer body) {
        return AdminApi.decode(body, User.class);
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
        RequestOptions request = (socket != null ? new RequestOptions().setServer(socket).setHost("localhost")
                .setURI(path) : new RequestOptions().setAbsoluteURI(server.resolve(path).toString()))
                .setMethod(method).putHeader(HttpHeaders.USER_AGENT, userAgent);
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
