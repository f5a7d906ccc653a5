package org.eventvfs.webdav;

import io.vertx.core.Future;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * COPY out of the history folder into the live home: a file is restored as it was, its content
 * (whose blocks are still stored), mode and modification time committed as one new revision of
 * the destination, so the log shows the restore and the past stays as it was. A folder is
 * refused: putting back a whole tree is one command of the server's ({@code vfs restore}), not
 * a series of requests that could stop half way.
 */
final class Restore {
    private Restore() {
    }

    static Future<Void> copy(DavRequest request) {
        request.requireWritable();
        Place source = request.place();
        if (source.entry() == null) {
            throw new DavException(403, "/" + source.folder() + "/ itself cannot be copied: copy a file from inside "
                    + "one of its entries");
        }
        boolean overwrite = Namespace.overwrite(request);
        return Namespace.liveDestination(request, Namespace.destination(request))
                .compose(target -> request.statFollowing(request.path())
                        .compose(file -> restore(request, file, target, overwrite)));
    }

    private static Future<Void> restore(DavRequest request, Node file, VfsPath target, boolean overwrite) {
        if (!file.isFile()) {
            return Future.failedFuture(new DavException(403, "only a file can be copied out of /"
                    + request.place().folder() + "/; to put back a folder as it was, ask an administrator to run "
                    + "vfs restore"));
        }
        return current(request, target.parent()).compose(parent -> {
            if (parent == null || !parent.isDirectory()) {
                return Future.failedFuture(new DavException(409, "no collection " + Hrefs.href(request.home(),
                        target.parent(), true)));
            }
            return current(request, target);
        }).compose(existing -> {
            if (existing != null && !overwrite) {
                return Future.failedFuture(new DavException(412, "the destination exists and Overwrite is F"));
            }
            return request.volume().requireStored(file.content())
                    .compose(stored -> request.execute(new VolumeCommand.CommitContent(target, file.content(),
                            file.mode(), overwrite ? Overwrite.REPLACE : Overwrite.NEVER, file.modified())))
                    .map(done -> {
                        request.response().setStatusCode(existing == null ? 201 : 204).end();
                        return null;
                    });
        });
    }

    /** The node at {@code path} in the live tree, or null. */
    private static Future<Node> current(DavRequest request, VfsPath path) {
        return request.volume().stat(path).recover(failure -> failure instanceof VfsException.NotFound
                ? Future.succeededFuture() : Future.failedFuture(failure));
    }
}
