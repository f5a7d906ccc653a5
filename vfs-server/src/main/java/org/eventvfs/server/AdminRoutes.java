package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventvfs.PasswordHasher;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Actor;
import org.eventvfs.server.AdminApi.KeysChange;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.PasswordChange;
import org.eventvfs.server.AdminApi.PlainPassword;
import org.eventvfs.server.BlockMaintenance.CheckResult;
import org.eventvfs.server.BlockMaintenance.GcRequest;
import org.eventvfs.server.BlockMaintenance.GcResult;
import org.eventvfs.server.BlockMaintenance.VerifyRequest;
import org.eventvfs.server.LogIntegrity.ChainResult;
import org.eventvfs.server.LogIntegrity.Head;
import org.eventvfs.server.LogIntegrity.HeadCheck;

/**
/**
 * The admin API's endpoints, on the socket and on the TCP port alike. Each reads its body, makes
 * one call to {@link UserAdministration}, {@link SessionAdministration} or the like on behalf of the
 * actor its listener authenticated, and answers JSON; failures go through {@link AdminErrors}.
 */
final class AdminRoutes {
    /** The collections whose members the path names after them: {@code /v1/users/alice}. */
    private static final Set<String> NAMED = Set.of("users", "volumes", "sessions", "invites");

    /** NIST SP 800-63B's minimum for a password its user chose. */
    static final int MIN_PASSWORD_LENGTH = 8;

    private final Vertx vertx;
    private final Vfs vfs;

    AdminRoutes(Vertx vertx, Vfs vfs) {
        this.vertx = vertx;
        this.vfs = vfs;
    }

    /**
     * A body that is a {@link Buffer} is sent as bytes, anything else as JSON; {@link #SENT} when the
     * handler streamed its answer itself.
     */
    private record Reply(int status, Object body) {
        static final Reply SENT = new Reply(0, null);

        static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    /** Answers {@code /health/live} and {@code /health/ready}, which need no login; false for any other request. */
    boolean health(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            return false;
        }
        switch (request.path()) {
            case Health.LIVE -> Health.live(request.response());
            case Health.READY -> Health.ready(vfs, vertx, request.response());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Answers one request on behalf of {@code actor}, whom the listener has authenticated. */
    void handle(HttpServerRequest request, Actor actor) {
        HttpServerResponse response = request.response();
        request.body()
                .compose(body -> route(request, body, actor))
                .onSuccess(reply -> send(response, reply))
                .onFailure(failure -> AdminErrors.send(response, failure));
    }

    private Future<Reply> route(HttpServerRequest request, Buffer body, Actor actor) {
        List<String> path = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
        String name = path.size() > 2 ? URLDecoder.decode(path.get(2), StandardCharsets.UTF_8) : null;
        String route = request.method().name() + " " + shape(path);
        UserAdministration users = new UserAdministration(vfs, actor);
        AuditAdministration audit = new AuditAdministration(vfs);
        SessionAdministration sessions = new SessionAdministration(vfs, actor);
        try {
            return switch (route) {
                case "GET /v1/users" -> users.list().map(list -> new Reply(200, list));
                case "GET " + StatsReport.PATH -> StatsReport.of(vfs).map(Reply::ok);
                case "GET " + AdminApi.SESSIONS -> sessions.list().map(Reply::ok);
                case "DELETE /v1/sessions/{name}" -> sessions.kick(name).map(Reply::ok);
                case "DELETE " + AdminApi.SESSIONS -> sessions.kickUser(required(request, "user")).map(Reply::ok);
                case "POST /v1/users" -> users.add(AdminApi.decode(body, NewUser.class)).map(u -> new Reply(201, u));
                case "PUT /v1/users/{name}/password" -> users.changePassword(name,
                        AdminApi.decode(body, PasswordChange.class).passwordHash()).map(u -> new Reply(200, u));
                case "PUT /v1/users/{name}/keys" -> users.changeKeys(name,
                        AdminApi.decode(body, KeysChange.class).keys()).map(u -> new Reply(200, u));
                case "DELETE /v1/users/{name}" -> users.remove(name).map(v -> new Reply(204, null));
                case "POST " + AdminApi.PASSWORD_HASHES -> hash(AdminApi.decode(body, PlainPassword.class));
                case "POST /v1/users/{name}/disable" -> users.disable(name).map(Reply::ok);
                case "POST /v1/users/{name}/enable" -> users.enable(name).map(Reply::ok);
                case "PUT /v1/users/{name}/admin" -> users.setAdmin(name,
                        AdminApi.decode(body, AdminApi.AdminChange.class).admin()).map(Reply::ok);
                case "GET " + AdminApi.INVITES -> users.list().map(all -> Reply.ok(all.stream()
                        .filter(u -> u.inviteExpires() != null).toList()));
                case "POST " + AdminApi.INVITES -> users.invite(AdminApi.decode(body, AdminApi.NewInvite.class))
                        .map(i -> new Reply(201, i));
                case "DELETE /v1/invites/{name}" -> users.revokeInvite(name).map(v -> new Reply(204, null));
                case "POST " + AdminApi.JOIN -> join(users, AdminApi.decode(body, AdminApi.JoinRequest.class));
                case "GET " + AdminApi.VOLUMES -> VolumeSummaries.of(vfs).map(Reply::ok);
                case "POST " + BlockMaintenance.GC -> collectGarbage(AdminApi.decode(body, GcRequest.class), actor);
                case "POST " + Repairs.RESTORE -> Repairs.restore(vfs, AdminApi.decode(body, Repairs.RestoreRequest.class),
                        actor).map(r -> new Reply(200, r));
                case "POST " + Repairs.UNDO -> Repairs.undo(vfs, AdminApi.decode(body, Repairs.UndoRequest.class),
                        actor).map(r -> new Reply(200, r));
                case "GET /v1/volumes/{name}/log" -> audit.log(name, parameters(request)).map(Reply::ok);
                case "GET /v1/volumes/{name}/history" -> audit.history(name, parameters(request)).map(Reply::ok);
                case "GET /v1/volumes/{name}/tree" -> audit.tree(name, parameters(request)).map(Reply::ok);
                case "GET /v1/volumes/{name}/content" -> audit.content(name, request.getParam("path"),
                        number(request, "position"), number(request, "offset"), (int) Math.min(AuditOperations.CHUNK,
                                number(request, "length"))).map(Reply::ok);
                case "GET /v1/volumes/{name}/download" -> audit.download(request, name, parameters(request))
                        .map(sent -> Reply.SENT);
                case "POST " + BlockMaintenance.VERIFY -> vfs.verifyBlocks(BlockMaintenance.retention(
                        body.length() == 0 ? null : AdminApi.decode(body, VerifyRequest.class).keepDays()))
                        .map(c -> new Reply(200, CheckResult.of(c)));
                case "POST " + LogIntegrity.CHAINS -> vfs.verifyChains()
                        .map(all -> new Reply(200, all.stream().map(ChainResult::of).toList()));
                case "GET " + LogIntegrity.HEADS -> vfs.heads()
                        .map(all -> new Reply(200, all.stream().map(Head::of).toList()));
                case "POST " + LogIntegrity.CHECKPOINT -> vfs.verifyCheckpoint(AdminApi.decodeList(body, Head.class)
                                .stream().map(Head::toCheckpointHead).toList())
                        .map(all -> new Reply(200, all.stream().map(HeadCheck::of).toList()));
                default -> Future.failedFuture(new AdminApi.NoSuchEndpoint(request.method().name(), request.path()));
            };
        } catch (RuntimeException badBody) {
            return Future.failedFuture(badBody);
        }
    }

    /** For the panel, which has no Argon2id: the hash of a password an admin typed, to set as a user's. */
    private Future<Reply> hash(PlainPassword password) {
        if (password.password() == null) {
            throw new AdminApi.BadRequest("a password is needed");
        }
        return hashed(password.password()).map(hash -> Reply.ok(new PasswordChange(hash)));
    }

    private Future<Reply> collectGarbage(GcRequest request, Actor actor) {
        Duration grace;
        try {
            grace = Duration.parse(request.grace());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new AdminApi.BadRequest("grace is an ISO-8601 duration such as PT24H, not " + request.grace());
        }
        return BlockMaintenance.collect(vfs, actor, grace, BlockMaintenance.retention(request.keepDays()),
                request.dryRun()).map(Reply::ok);
    }

    /** Checks the chosen password and keys, then hashes a password given in clear. */
    private Future<Reply> join(UserAdministration users, AdminApi.JoinRequest request) {
        List<String> keys = request.keys().stream().map(PublicKeyFiles::requireKey).toList();
        Future<String> hash = request.password() == null ? Future.succeededFuture(request.passwordHash())
                : hashed(request.password());
        return hash.compose(passwordHash -> users.join(request.code(), passwordHash, keys)).map(Reply::ok);
    }

    /**
     * Hashes a password given in clear on a worker: Argon2id takes a tenth of a second and 64 MiB
     * on purpose, which an event loop must not wait for.
     */
    private Future<String> hashed(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new AdminApi.BadRequest("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return vertx.executeBlocking(() -> PasswordHasher.hash(password.toCharArray()));
    }

    /** The path with the user, volume or session name replaced by {@code {name}}, to match routes against. */
    private static String shape(List<String> path) {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            shape.append('/').append(i == 2 && path.get(0).equals("v1") && NAMED.contains(path.get(1))
                    ? "{name}" : path.get(i));
        }
        return shape.toString();
    }

    private static String required(HttpServerRequest request, String name) {
        String value = request.getParam(name);
        if (value == null || value.isEmpty()) {
            throw new AdminApi.BadRequest("the parameter " + name + " is missing");
        }
        return value;
    }

    private static Map<String, List<String>> parameters(HttpServerRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.params().names().forEach(name -> parameters.put(name, request.params().getAll(name)));
        return parameters;
    }

    private static long number(HttpServerRequest request, String name) {
        try {
            return Long.parseLong(request.getParam(name));
        } catch (NumberFormatException e) {
            throw new AdminApi.BadRequest(name + " must be a whole number, not " + request.getParam(name));
        }
    }

    private static void send(HttpServerResponse response, Reply reply) {
        if (reply == Reply.SENT) {
            return;
        }
        response.setStatusCode(reply.status());
        if (reply.body() == null) {
            response.end();
        } else if (reply.body() instanceof Buffer bytes) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream").end(bytes);
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(AdminApi.encode(reply.body()));
        }
    }
}
