package org.eventvfs.nio;

import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.eventvfs.domain.VfsPath;

/** Where a path of a user's file system leads once its links are followed. */
sealed interface Place {
    /** The volume path the place stands for. */
    VfsPath path();

    /** The position of the tree the place is read from. */
    long asOf();

    /** A path of the live tree. */
    record Live(VfsPath path) implements Place {
        @Override
        public long asOf() {
            return Volume.HEAD;
        }
    }

    /** The history folder itself, whose entries are past trees. */
    record Folder(VfsPath path) implements Place {
        @Override
        public long asOf() {
            return Volume.HEAD;
        }
    }

    /** A path of the home as of {@code entry}'s position; the entry's own folder when it is the home. */
    record Past(HistoryFolder.Entry entry, VfsPath path) implements Place {
        @Override
        public long asOf() {
            return entry.position();
        }
    }
}
