package org.eventvfs.domain;

import java.util.List;
import java.util.Map;

/**
 * Events of a volume's file tree. Never changed once released: a new field is added with a new
 * schema version and the reader of the old one keeps working. Times are epoch milliseconds.
 */
public sealed interface VolumeEvent extends EventPayload {
    /** The node the event is about. */
    long nodeId();

    record DirectoryCreated(long nodeId, long parentId, String name, int mode, String owner, long time)
            implements VolumeEvent {
    }

    /** An empty file; its content arrives with {@link ContentCommitted}, in the same batch or later. */
    record FileCreated(long nodeId, long parentId, String name, int mode, String owner, long time)
            implements VolumeEvent {
    }

    /** A new revision of a file's content, whose blocks were stored before this event. */
    record ContentCommitted(long nodeId, Content content, long time) implements VolumeEvent {
    }

    record SymlinkCreated(long nodeId, long parentId, String name, String target, String owner, long time)
            implements VolumeEvent {
    }

    record NodeMoved(long nodeId, long fromParentId, String fromName, long toParentId, String toName, long time)
            implements VolumeEvent {
    }

    /** The node and, for a directory, everything below it. */
    record NodeRemoved(long nodeId, long parentId, String name, long time) implements VolumeEvent {
    }

    /** Only the attributes that are not null changed. */
    record AttributesChanged(long nodeId, Integer mode, String owner, Long modified) implements VolumeEvent {
    }

    /** Dead properties set (with their values) and removed (by name). */
    record PropertiesChanged(long nodeId, Map<String, String> set, List<String> removed) implements VolumeEvent {
        public PropertiesChanged {
            set = Map.copyOf(set);
            removed = List.copyOf(removed);
        }
    }

    /**
     * An upload into the folder {@code parentId} under {@code name} that ended before it was
     * complete (a dropped connection, an aborted transfer): nothing was committed, and the tree is
     * unchanged. Recorded so the log shows the attempt, its size and why it failed.
     */
    record UploadAborted(long parentId, String name, long received, String reason, long time)
            implements VolumeEvent {
        /** The folder the upload was going into. */
        @Override
        public long nodeId() {
            return parentId;
        }
    }

    /**
     * The start of a restore: the events that follow in the same batch put the path
     * {@code name} in folder {@code parentId} back as it was at position {@code asOf}. Changes
     * nothing by itself; recorded so the log says why those changes were made. The volume's root
     * is parent 0 with an empty name.
     *
     * @param wholeTree whether everything below the path was restored, or the node alone
     */
    record TreeRestored(long parentId, String name, long asOf, boolean wholeTree, String reason, long time)
            implements VolumeEvent {
        /** The folder of the restored path. */
        @Override
        public long nodeId() {
            return parentId;
        }
    }

    /**
     * A copy of the tree at {@code sourceId}: the new nodes, the copy's root first and every parent
     * before its children. Files share the source's blocks.
     */
    record TreeCopied(long sourceId, List<Node> nodes) implements VolumeEvent {
        public TreeCopied {
            nodes = List.copyOf(nodes);
        }

        @Override
        public long nodeId() {
            return nodes.getFirst().id();
        }
    }
}
