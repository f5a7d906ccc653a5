package org.eventvfs.webdav;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import org.eventvfs.Upload;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VolumeCommand;

/**
 * PUT: the body is streamed into the blob store block by block, reading on only when the last
 * chunk is taken, so memory stays bounded whatever the size; the file changes, in one command,
 * only once the whole body has arrived (and matched a checksum the client sent).
 */
final class ContentPut {
    private ContentPut() {
    }

    static Future<Void> handle(DavRequest request) {
        request.requireWritable();
        if (request.http().getHeader("Content-Range") != null) {
            throw new DavException(400, "PUT with Content-Range is not supported: send the whole file");
        }
        long limit = request.settings().maxUploadBytes();
        String length = request.http().getHeader("Content-Length");
        if (limit > 0 && length != null && DavRequest.parseLength(length) > limit) {
            throw new DavException(413, "the file is larger than the " + limit + " bytes allowed");
        }
        if (request.path().equals(request.home())) {
            throw new DavException(405, "PUT on a collection");
        }
        return request.find(request.path()).compose(node -> request.find(request.path().parent())
                .compose(parent -> {
                    if (node != null && node.isDirectory()) {
                        return Future.failedFuture(new DavException(405, "PUT on a collection"));
                    }
                    if (parent == null || !parent.isDirectory()) {
                        return Future.failedFuture(new DavException(409, "no collection to put "
                                + request.http().path() + " in"));
                    }
                    // Refusals (a lock held by someone else) come before the body, not after a gigabyte.
                    int mode = node != null ? node.mode() : Node.DEFAULT_FILE_MODE;
                    return Preconditions.check(request, node)
                            .compose(ok -> request.volume().check(new VolumeCommand.CreateFile(request.path(), mode,
                                    Overwrite.REPLACE), request.actor(), request.submittedTokens()))
                            .compose(ok -> store(request, node));
                }));
    }

    private static Future<Void> store(DavRequest request, Node existing) {
        OcHeaders oc = OcHeaders.of(request.http());
        return receive(request, request.volume().upload(), oc).compose(content -> {
            oc.verify(content);
            int mode = existing != null ? existing.mode() : Node.DEFAULT_FILE_MODE;
            return request.execute(new VolumeCommand.CommitContent(request.path(), content, mode,
                    Overwrite.REPLACE, oc.modified()));
        }).compose(done -> request.stat(request.path())).map(node -> {
            var response = request.response().putHeader("ETag", Etags.of(node));
            if (oc.modified() != null) {
                response.putHeader("X-OC-MTime", "accepted");
            }
            response.setStatusCode(existing == null ? 201 : 204).end();
            return null;
        });
    }

    /** Ends the upload; the error answer drains or drops what is left of the body (WebDavHandler). */
    private static void abort(HttpServerRequest http, Promise<Content> received, Throwable failure) {
        received.tryFail(failure);
        http.resume();
    }

    private static Future<Content> receive(DavRequest request, Upload upload, OcHeaders oc) {
        HttpServerRequest http = request.http();
        long limit = request.settings().maxUploadBytes();
        Promise<Content> received = Promise.promise();
        http.handler(chunk -> {
            if (received.future().isComplete()) {
                return;
            }
            if (limit > 0 && upload.size() + chunk.length() > limit) {
                abort(http, received, new DavException(413, "the file is larger than the " + limit + " bytes allowed"));
                return;
            }
            oc.update(chunk);
            Future<Void> written = upload.write(chunk);
            if (written.isComplete()) {
                // Buffered without waiting: read on at once, as most chunks of a block are.
                written.onFailure(failure -> abort(http, received, failure));
                return;
            }
            http.pause();
            written.onComplete(done -> {
                if (done.failed()) {
                    abort(http, received, done.cause());
                } else {
                    http.resume();
                }
            });
        });
        http.exceptionHandler(received::tryFail);
        http.endHandler(end -> upload.finish().onComplete(received));
        http.resume();
        return received.future();
    }
}
