package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/** The methods that change names: DELETE, MKCOL, COPY and MOVE, each one command. */
final class Namespace {
    private Namespace() {
    }

    static Future<Void> delete(DavRequest request) {
        request.requireWritable();
        if (request.path().equals(request.home())) {
            throw new DavException(403, "the root of your space cannot be deleted");
        }
        return request.stat(request.path())
                .compose(node -> Preconditions.check(request, node))
                .compose(ok -> request.execute(new VolumeCommand.Remove(request.path(), RemoveMode.RECURSIVE)))
                .map(done -> {
                    request.response().setStatusCode(204).end();
                    return null;
                });
    }

    static Future<Void> mkcol(DavRequest request) {
        request.requireWritable();
        if (hasBody(request)) {
            throw new DavException(415, "MKCOL with a body is not supported");
        }
        return request.find(request.path()).compose(node -> {
            if (node != null) {
                return Future.failedFuture(new DavException(405, request.http().path() + " already exists"));
            }
            return parentCollection(request, request.path())
                    .compose(parent -> Preconditions.check(request, null))
                    .compose(ok -> request.execute(new VolumeCommand.CreateDirectory(request.path(),
                            Node.DEFAULT_DIRECTORY_MODE)))
                    .map(done -> {
                        request.response().setStatusCode(201).end();
                        return null;
                    });
        });
    }

    static Future<Void> copyOrMove(DavRequest request, boolean move) {
        request.requireWritable();
        List<String> names = destination(request);
        boolean overwrite = overwrite(request);
        int depth = request.depth(-1);
        if (depth == 1 || move && depth == 0) {
            throw new DavException(400, (move ? "MOVE" : "COPY") + " takes Depth: "
                    + (move ? "infinity" : "0 or infinity"));
        }
        return liveDestination(request, names).compose(target -> copyOrMove(request, move, target, overwrite, depth));
    }

    private static Future<Void> copyOrMove(DavRequest request, boolean move, VfsPath target, boolean overwrite,
                                           int depth) {
        if (target.equals(request.path())) {
            throw new DavException(403, "the source and the destination are the same");
        }
        if (target.equals(request.home()) || request.path().equals(request.home())) {
            throw new DavException(403, "the root of your space cannot be " + (move ? "moved or replaced" : "replaced"));
        }
        return request.stat(request.path())
                .compose(source -> Preconditions.check(request, source))
                .compose(ok -> parentCollection(request, target))
                .compose(parent -> request.find(target))
                .compose(existing -> {
                    if (existing != null && !overwrite) {
                        return Future.failedFuture(new DavException(412, "the destination exists and Overwrite is F"));
                    }
                    Overwrite mode = overwrite ? Overwrite.REPLACE_TREE : Overwrite.NEVER;
                    VolumeCommand command = move ? new VolumeCommand.Move(request.path(), target, mode)
                            : new VolumeCommand.Copy(request.path(), target, mode,
                                    depth == 0 ? CopyDepth.NODE_ONLY : CopyDepth.INFINITE);
                    return request.execute(command).map(done -> {
                        request.response().setStatusCode(existing == null ? 201 : 204).end();
                        return null;
                    });
                });
    }

    /** The path of the Destination in the live home; 403 for one in the history folder, which is read-only. */
    static Future<VfsPath> liveDestination(DavRequest request, List<String> names) {
        return request.locate(names).compose(place -> place.inHistory()
                ? Future.failedFuture(HistoryPaths.readOnly(place)) : Future.succeededFuture(place.path()));
    }

    /** The names of the Destination header's path below the user's home; 502 for one on another server. */
    static List<String> destination(DavRequest request) {
        String destination = request.http().getHeader("Destination");
        if (destination == null || destination.isBlank()) {
            throw new DavException(400, "a Destination header is required");
        }
        String authority = Hrefs.authorityOf(destination.trim());
        var host = request.http().authority();
        if (authority != null && host != null && !authority.equalsIgnoreCase(host.toString())) {
            throw new DavException(502, "the Destination " + destination + " is on another server");
        }
        return Hrefs.names(Hrefs.pathOf(destination.trim()));
    }

    static boolean overwrite(DavRequest request) {
        String overwrite = request.http().getHeader("Overwrite");
        if (overwrite == null || overwrite.trim().equalsIgnoreCase("T")) {
            return true;
        }
        if (overwrite.trim().equalsIgnoreCase("F")) {
            return false;
        }
        throw new DavException(400, "Overwrite must be T or F, not '" + overwrite + "'");
    }

    private static Future<Node> parentCollection(DavRequest request, VfsPath path) {
        return request.find(path.parent()).compose(parent -> parent != null && parent.isDirectory()
                ? Future.succeededFuture(parent)
                : Future.failedFuture(new DavException(409, "no collection " + request.href(path.parent(), true))));
    }

    static boolean hasBody(DavRequest request) {
        String length = request.http().getHeader("Content-Length");
        return length != null ? DavRequest.parseLength(length) > 0
                : request.http().getHeader("Transfer-Encoding") != null;
    }
}
