package org.eventvfs.server;

import io.vertx.core.http.HttpServerResponse;
import org.eventvfs.BasicLogin;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin API's one table from failures to HTTP statuses, answered as {@code {"error": "…"}}. */
final class AdminErrors {
    private static final Logger LOG = LoggerFactory.getLogger(AdminErrors.class);

    private AdminErrors() {
    }

    static int status(Throwable failure) {
        return switch (failure) {
            case VfsException.NotFound e -> 404;
            case VfsException.AlreadyExists e -> 409;
            case VfsException.Conflict e -> 409;
            case VfsException.NotEmpty e -> 409;
            case VfsException.Locked e -> 423;
            case VfsException.InvalidName e -> 400;
            case VfsException.NotADirectory e -> 400;
            case VfsException.IsADirectory e -> 400;
            case VfsException.PermissionDenied e -> 403;
            case VfsException.Unavailable e -> 503;
            case AdminApi.BadRequest e -> 400;
            case BasicLogin.Refused e -> e.status();
            case AdminApi.NoSuchEndpoint e -> 404;
            case IllegalArgumentException e -> 400;
            default -> 500;
        };
    }

    static void send(HttpServerResponse response, Throwable failure) {
        int status = status(failure);
        if (status == 500) {
            LOG.error("admin request failed", failure);
        }
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // A download had begun: all that is left is to cut it short, which the client notices.
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(AdminApi.encode(new AdminApi.ErrorReply(FailureReporter.oneLine(failure))));
    }
}
