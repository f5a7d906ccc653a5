package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * The history folder ({@link HistoryFolder}) as WebDAV shows it: a virtual read-only collection
 * at the root of each home. It is left out of the home's listings, as NetApp's {@code .snapshot}
 * is, so that a sync or a recursive copy of the home does not copy every past tree, but any URL
 * in it answers. A real node of the same name in the home wins: the folder never hides it.
 */
final class HistoryPaths {
    private static final int READ_ONLY_MODE = 0555;
    private final String folder;

    /** @param folder the folder's name; empty for none */
    HistoryPaths(String folder) {
        this.folder = folder;
    }

    /** Where {@code names}, a client's path below {@code home}, leads. */
    Future<Place> locate(Volume volume, VfsPath home, List<String> names) {
        if (folder.isEmpty() || names.isEmpty() || !names.getFirst().equals(folder)) {
            return Future.succeededFuture(Place.live(under(home, names)));
        }
        return volume.stat(home.resolve(folder)).map(real -> Place.live(under(home, names)))
                .recover(failure -> failure instanceof VfsException.NotFound
                        ? Future.succeededFuture(inHistory(volume, home, names))
                        : Future.failedFuture(failure));
    }

    private Place inHistory(Volume volume, VfsPath home, List<String> names) {
        if (names.size() == 1) {
            return new Place(home.resolve(folder), folder, null, null);
        }
        String name = names.get(1);
        return new Place(under(home, names.subList(2, names.size())), folder, name,
                HistoryFolder.resolve(volume, name));
    }

    private static VfsPath under(VfsPath home, List<String> names) {
        VfsPath path = home;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /** Every write in the folder gets this: 403, as RFC 4918 §9 has for a resource that cannot change. */
    static DavException readOnly(Place place) {
        return new DavException(403, null, "/" + place.folder() + "/ is read-only: it shows your files as they were."
                + " To get one back, copy it out of there (COPY with a Destination outside /" + place.folder() + "/)",
                "Forbidden: read-only history");
    }

    /** The folder itself: a collection as new as the head, whose entity tag changes with it. */
    static Node folderNode(Volume volume, String folder) {
        long head = volume.position();
        return collection(head, folder, Math.max(0, volume.timeOf(head)));
    }

    /** An entry: a collection dated with its position's time, whose entity tag never changes. */
    static Node entryNode(HistoryFolder.Entry entry) {
        return collection(entry.position(), entry.name(), entry.time());
    }

    /** The folder's entries as collections, days first. */
    static List<Node> entryNodes(Volume volume) {
        return HistoryFolder.entries(volume).stream().map(HistoryPaths::entryNode).toList();
    }

    /** A made-up collection; its position as its id makes its entity tag that position's. */
    private static Node collection(long position, String name, long time) {
        return new Node(position, 0, name, NodeKind.DIRECTORY, READ_ONLY_MODE, "root", time, time, null, null,
                Map.of());
    }
}
