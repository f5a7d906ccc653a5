package org.eventvfs.webdav;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** A plain HTTP/1.1 client, as WebDAV clients are, speaking to the test server: any method, any header, raw bodies. */
final class DavClient {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    DavClient(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Request request(String method, String rawPath) {
        return new Request(method, rawPath);
    }

    Response get(String rawPath) {
        return request("GET", rawPath).send();
    }

    Response put(String rawPath, String body) {
        return request("PUT", rawPath).body(body).send();
    }

    Response mkcol(String rawPath) {
        return request("MKCOL", rawPath).send();
    }

    Response propfind(String rawPath, String depth, String body) {
        Request request = request("PROPFIND", rawPath).header("Depth", depth);
        return (body == null ? request : request.body(body).header("Content-Type", "application/xml")).send();
    }

    /** An absolute URL on the server for a path, as a Destination header wants it. */
    String url(String rawPath) {
        return base + rawPath;
    }

    record Response(int status, HttpResponse<byte[]> raw) {
        String body() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            return raw.body();
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    final class Request {
        private final String method;
        private final String rawPath;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Request(String method, String rawPath) {
            this.method = method;
            this.rawPath = rawPath;
        }

        Request header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Request body(byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        /** A body of unknown length, sent chunked with no Content-Length, as macOS Finder does. */
        Request chunked(InputStream stream) {
            body = HttpRequest.BodyPublishers.ofInputStream(() -> stream);
            return this;
        }

        Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + rawPath))
                    .timeout(Duration.ofSeconds(60)).method(method, body);
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            for (int i = 0; i < headers.size(); i += 2) {
                builder.header(headers.get(i), headers.get(i + 1));
            }
            try {
                HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
