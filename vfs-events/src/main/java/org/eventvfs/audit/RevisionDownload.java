package org.eventvfs.audit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import org.eventvfs.Volume;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * A file's bytes as of a position, with one byte range if asked (RFC 9110 §14), streamed a piece
 * at a time: the next piece is read only once the last is written to the client. Shared by the HTTP
 * API and the admin API, each of which answers its failures with its own error table.
 */
public final class RevisionDownload {
    private static final int CHUNK = 1 << 20;

    private RevisionDownload() {
    }

    /** Sends {@code path} as of position {@code asOf} (the volume's newest if that is later) as an attachment. */
    public static Future<Void> send(HttpServerRequest request, Volume volume, VfsPath path, long asOf) {
        long position = Math.min(asOf, volume.position());
        return volume.stat(path, position).compose(node -> {
            if (!node.isFile()) {
                return Future.failedFuture(new VfsException.IsADirectory(path + " was not a file at @" + position));
            }
            return send(request, volume, node, position);
        });
    }

    private static Future<Void> send(HttpServerRequest request, Volume volume, Node file, long position) {
        HttpServerResponse response = request.response();
        long size = file.size();
        response.putHeader("Content-Type", "application/octet-stream")
                .putHeader("ETag", "\"" + file.content().sha256().hex() + "\"")
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("X-Position", Long.toString(position))
                .putHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        long[] range = range(request.getHeader("Range"), size);
        if (range == UNSATISFIABLE) {
            return response.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
        }
        long from = 0;
        long to = size;
        if (range != null) {
            from = range[0];
            to = range[1] + 1;
            response.setStatusCode(206).putHeader("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        response.putHeader("Content-Length", Long.toString(to - from));
        if (request.method() == HttpMethod.HEAD) {
            return response.end();
        }
        return pump(response, volume, file.content(), from, to);
    }

    private static Future<Void> pump(HttpServerResponse response, Volume volume, Content content, long from, long to) {
        if (from >= to) {
            return response.end();
        }
        return volume.read(content, from, (int) Math.min(CHUNK, to - from)).compose(piece -> {
            if (piece.length() == 0) {
                return Future.failedFuture(new IllegalStateException("the content ended before its size at " + from));
            }
            return response.write(piece).compose(written -> pump(response, volume, content, from + piece.length(), to));
        });
    }

    private static final long[] UNSATISFIABLE = new long[0];

    /**
     * The first and last byte of a single {@code bytes=} range, null for the whole file (no header,
     * several ranges or one that cannot be read, as RFC 9110 allows), or {@link #UNSATISFIABLE}.
     */
    private static long[] range(String header, long size) {
        if (header == null || !header.strip().toLowerCase().startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.strip().substring(6).strip();
        int dash = spec.indexOf('-');
        try {
            String start = spec.substring(0, Math.max(dash, 0)).strip();
            String end = spec.substring(dash + 1).strip();
            if (dash < 0) {
                return null;
            }
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                return suffix == 0 || size == 0 ? UNSATISFIABLE : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            return first >= size ? UNSATISFIABLE : first > last ? null : new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
