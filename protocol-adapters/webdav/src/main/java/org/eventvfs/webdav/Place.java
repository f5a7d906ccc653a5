package org.eventvfs.webdav;

import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.eventvfs.domain.VfsPath;

/**
 * Where a client's path leads: a path of the live home ({@code folder} null), the history folder
 * itself ({@code entryName} null), or a path of the home as it was at one of its entries.
 *
 * @param path the volume path named, in the live tree or in the past one; for the history folder
 *        itself, the path it would have in the home
 * @param folder the history folder's name, or null outside it
 * @param entryName the entry's name as the client wrote it, or null
 * @param entry what {@code entryName} stands for, or null if it stands for nothing
 */
record Place(VfsPath path, String folder, String entryName, HistoryFolder.Entry entry) {
    static Place live(VfsPath path) {
        return new Place(path, null, null, null);
    }

    boolean inHistory() {
        return folder != null;
    }

    boolean isHistoryFolder() {
        return folder != null && entryName == null;
    }

    /** The position the path is read at: the head outside the history folder. */
    long asOf() {
        return entry == null ? Volume.HEAD : entry.position();
    }

    /** What the hrefs of a past tree start with, {@code /.history/@12}; empty outside it. */
    String hrefPrefix() {
        return entryName == null ? "" : "/" + Hrefs.encode(folder) + "/" + Hrefs.encode(entryName);
    }
}
