package org.eventvfs.webdav;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;

/**
 * GET and HEAD of a file (RFC 9110): conditional requests, one byte range, and the body streamed
 * chunk by chunk from the blocks it covers, each chunk read only when the client has taken the last.
 */
final class ContentGet {
    private static final int CHUNK = 1 << 20;

    private ContentGet() {
    }

    static Future<Void> send(DavRequest request, Node file, boolean head) {
        HttpServerResponse response = request.response();
        String etag = Etags.of(file);
        response.putHeader("ETag", etag)
                .putHeader("Last-Modified", LiveProperties.httpDate(file.modified()))
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Content-Type", ContentTypes.of(file));
        if (notModified(request, file, etag)) {
            response.setStatusCode(304).end();
            return Future.succeededFuture();
        }
        checkMatch(request, file, etag);
        long size = file.size();
        ByteRange range = ByteRange.parse(rangeHeader(request, file, etag), size);
        if (range == ByteRange.UNSATISFIABLE) {
            response.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
            return Future.succeededFuture();
        }
        long offset = 0;
        long length = size;
        if (range != null) {
            offset = range.first();
            length = range.length();
            response.setStatusCode(206)
                    .putHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        response.putHeader("Content-Length", Long.toString(length));
        if (head || length == 0) {
            response.end();
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        long end = offset + length;
        pump(request, file.content(), offset, end, readChunk(request, file.content(), offset, end), done);
        return done.future();
    }

    private static Future<Buffer> readChunk(DavRequest request, Content content, long from, long to) {
        return request.volume().read(content, from, (int) Math.min(CHUNK, to - from));
    }

    /** Writes the chunk at {@code from} while the one after it is already being read. */
    private static void pump(DavRequest request, Content content, long from, long to, Future<Buffer> chunk,
                             Promise<Void> done) {
        HttpServerResponse response = request.response();
        chunk.onComplete(read -> {
            if (read.failed()) {
                // Headers are gone: all that is left is to cut the connection so the client sees a short body.
                request.http().connection().close();
                done.tryFail(read.cause());
                return;
            }
            if (read.result().length() == 0) {
                request.http().connection().close();
                done.tryFail(new IllegalStateException("the content ended before its size at " + from));
                return;
            }
            long next = from + read.result().length();
            if (next >= to) {
                response.end(read.result()).onComplete(ended -> done.tryComplete());
                return;
            }
            Future<Buffer> ahead = readChunk(request, content, next, to);
            response.write(read.result());
            if (response.writeQueueFull()) {
                response.drainHandler(v -> pump(request, content, next, to, ahead, done));
            } else {
                pump(request, content, next, to, ahead, done);
            }
        });
    }

    private static boolean notModified(DavRequest request, Node file, String etag) {
        String ifNoneMatch = request.http().getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return Etags.listed(ifNoneMatch, etag);
        }
        String ifModifiedSince = request.http().getHeader("If-Modified-Since");
        Long since = ifModifiedSince == null ? null : Preconditions.httpDate(ifModifiedSince);
        return since != null && file.modified() / 1000 <= since / 1000;
    }

    private static void checkMatch(DavRequest request, Node file, String etag) {
        String ifMatch = request.http().getHeader("If-Match");
        if (ifMatch != null && !Etags.listed(ifMatch, etag)) {
            throw new DavException(412, "If-Match does not match");
        }
        String ifUnmodifiedSince = request.http().getHeader("If-Unmodified-Since");
        Long since = ifUnmodifiedSince == null ? null : Preconditions.httpDate(ifUnmodifiedSince);
        if (ifMatch == null && since != null && file.modified() / 1000 > since / 1000) {
            throw new DavException(412, "modified since " + ifUnmodifiedSince);
        }
    }

    /** The Range header, unless an If-Range names another version: then the whole file is sent. */
    private static String rangeHeader(DavRequest request, Node file, String etag) {
        String range = request.http().getHeader("Range");
        String ifRange = request.http().getHeader("If-Range");
        if (range == null || ifRange == null) {
            return range;
        }
        if (ifRange.trim().startsWith("\"") || ifRange.trim().startsWith("W/")) {
            return ifRange.trim().equals(etag) ? range : null;
        }
        Long date = Preconditions.httpDate(ifRange);
        return date != null && file.modified() / 1000 <= date / 1000 ? range : null;
    }
}
