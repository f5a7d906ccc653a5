package org.eventvfs.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eventvfs.BasicLogin;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API's one table from failures to statuses, each answered as {@code {"error": …, "message": …}}. */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static ApiException of(Throwable failure) {
        return switch (failure) {
            case ApiException e -> e;
            case BasicLogin.Refused e -> new ApiException(e.status(), e.status() == 401 ? "unauthorized" : "forbidden",
                    e.getMessage());
            case VfsException.NotFound e -> new ApiException(404, "not_found", e.getMessage());
            case VfsException.NotADirectory e -> new ApiException(400, "not_a_directory", e.getMessage());
            case VfsException.IsADirectory e -> new ApiException(400, "not_a_file", e.getMessage());
            case VfsException.InvalidName e -> new ApiException(400, "bad_request", e.getMessage());
            case VfsException.PermissionDenied e -> new ApiException(403, "forbidden", e.getMessage());
            case VfsException.Unavailable e -> new ApiException(503, "unavailable", e.getMessage());
            case IllegalArgumentException e -> new ApiException(400, "bad_request", e.getMessage());
            default -> new ApiException(500, "internal", "the request failed on the server; see its log");
        };
    }

    static void send(HttpServerResponse response, Throwable failure) {
        ApiException error = of(failure);
        if (error.status() == 500) {
            LOG.error("http: request failed", failure);
        }
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // The body had begun: all that is left is to cut it short, which the client notices.
            response.reset();
            return;
        }
        if (error.status() == 401) {
            response.putHeader("WWW-Authenticate", "Basic realm=\"eventvfs\", charset=\"UTF-8\"");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("message", error.getMessage());
        response.setStatusCode(error.status()).putHeader("Content-Type", "application/json");
        try {
            response.end(Json.encode(body));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
