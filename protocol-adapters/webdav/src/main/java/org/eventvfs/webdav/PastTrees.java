package org.eventvfs.webdav;

import io.vertx.core.Future;

/**
 * Requests inside the history folder: PROPFIND, GET and HEAD read the past trees, a COPY out of
 * them restores a file, and every other method that would change something is refused.
 */
final class PastTrees {
    private PastTrees() {
    }

    static Future<Void> dispatch(DavRequest request, String method, Propfind propfind) {
        Place place = request.place();
        return switch (method) {
            case "PUT", "DELETE", "MKCOL", "MOVE", "PROPPATCH", "LOCK", "UNLOCK" -> throw HistoryPaths.readOnly(place);
            case "GET" -> known(place).compose(ok -> Browsing.get(request, false));
            case "HEAD" -> known(place).compose(ok -> Browsing.get(request, true));
            case "PROPFIND" -> known(place).compose(ok -> propfind.handle(request));
            case "COPY" -> known(place).compose(ok -> Restore.copy(request));
            default -> throw WebDavHandler.notSupported(request);
        };
    }

    /** An entry name that is neither a time nor a position up to the head: 404. */
    private static Future<Void> known(Place place) {
        if (place.entryName() != null && place.entry() == null) {
            return Future.failedFuture(new DavException(404, "/" + place.folder() + "/" + place.entryName()
                    + " names no point in the history: use a time like 2026-11-21T10:00:00Z or a position like @12"));
        }
        return Future.succeededFuture();
    }
}
