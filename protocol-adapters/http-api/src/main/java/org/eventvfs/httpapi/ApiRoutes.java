package org.eventvfs.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventvfs.BasicLogin;
import org.eventvfs.HttpSessions;
import org.eventvfs.LiveSessions;
import org.eventvfs.LoginThrottle;
import org.eventvfs.RemoteAddresses;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.audit.AuditLog;
import org.eventvfs.audit.AuditParameters;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.RevisionDownload;
import org.eventvfs.audit.TreeListing;
import org.eventvfs.domain.VfsPath;

/**
 * Every request: routed by method and path, authenticated with HTTP Basic, confined to the user's
 * volume and home ({@link HomeScope}), answered with one call into the audit queries. Failures
 * go through {@link ApiErrors}.
 */
final class ApiRoutes implements Handler<HttpServerRequest> {
    private static final Pattern ROUTE = Pattern.compile("/api/v1/volumes/([^/]+)/(log|history|tree|content)/?");

    private final Vfs vfs;
    private final BasicLogin login;
    private final HttpSessions sessions;

    /** @param loginCache how long a checked password is remembered ({@link BasicLogin}) */
    ApiRoutes(Vertx vertx, Vfs vfs, LoginThrottle throttle, Duration loginCache, HttpSessions sessions) {
        this.vfs = vfs;
        this.sessions = sessions;
        this.login = new BasicLogin(vertx, vfs, "http", throttle, loginCache);
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        try {
            Matcher route = ROUTE.matcher(request.path());
            if (!route.matches()) {
                throw new ApiException(404, "not_found", "no such endpoint: " + request.path()
                        + "; the endpoints are /api/v1/volumes/{volume}/log, history, tree and content");
            }
            if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
                response.putHeader("Allow", "GET, HEAD");
                throw new ApiException(405, "method_not_allowed",
                        request.method() + " is not allowed; the API only reads");
            }
            SocketAddress remote = request.remoteAddress();
            String host = remote == null ? "unknown" : remote.hostAddress();
            String address = RemoteAddresses.text(remote);
            LiveSessions.Registration session = sessions.of(request);
            login.authenticate(request.getHeader("Authorization"), host, address)
                    .compose(account -> {
                        session.loggedIn(account.name());
                        HomeScope scope = HomeScope.of(account);
                        scope.requireVolume(route.group(1));
                        return AuditLog.existingVolume(vfs, route.group(1))
                                .compose(volume -> answer(request, route.group(2), volume, scope));
                    })
                    .onFailure(failure -> ApiErrors.send(response, failure));
        } catch (RuntimeException failure) {
            ApiErrors.send(response, failure);
        }
    }

    private Future<Void> answer(HttpServerRequest request, String endpoint, Volume volume, HomeScope scope) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.params().names().forEach(name -> values.put(name, request.params().getAll(name)));
        AuditParameters parameters = new AuditParameters(volume, values, System.currentTimeMillis());
        return switch (endpoint) {
            case "log" -> json(request, AuditLog.read(volume,
                    scope.confine(parameters.allowOnly(AuditParameters.LOG).log())).map(scope::confine));
            case "history" -> {
                parameters.allowOnly(AuditParameters.PATH_AT);
                yield json(request, FileHistory.of(volume, scope.require(parameters.path(true)), parameters.at())
                        .map(scope::confine));
            }
            case "tree" -> {
                parameters.allowOnly(AuditParameters.PATH_AT);
                VfsPath path = parameters.text("path") == null ? scope.home() : parameters.path(false);
                yield json(request, TreeListing.of(volume, scope.require(path), parameters.at()));
            }
            default -> {
                parameters.allowOnly(AuditParameters.PATH_AT);
                yield RevisionDownload.send(request, volume, scope.require(parameters.path(true)), parameters.at());
            }
        };
    }

    private static Future<Void> json(HttpServerRequest request, Future<?> body) {
        return body.compose(value -> {
            Buffer encoded;
            try {
                encoded = Json.encode(value);
            } catch (JsonProcessingException e) {
                return Future.failedFuture(e);
            }
            HttpServerResponse response = request.response().putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", Integer.toString(encoded.length()));
            return request.method() == HttpMethod.HEAD ? response.end() : response.end(encoded);
        });
    }
}
