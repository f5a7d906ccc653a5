package org.eventvfs.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an adapter asks of a volume. One client-visible operation is one command, and one command
 * becomes one atomic batch of events. Commands are not stored: only the events they produce are.
 */
public sealed interface VolumeCommand {
    /** The path the command is about; for moves and copies, the source. */
    VfsPath path();

    record CreateDirectory(VfsPath path, int mode) implements VolumeCommand {
    }

    /**
     * Creates an empty file. With {@link Overwrite#NEVER} it fails if the name is taken (O_EXCL);
     * with {@link Overwrite#REPLACE} an existing file is truncated.
     */
    record CreateFile(VfsPath path, int mode, Overwrite overwrite) implements VolumeCommand {
    }

    /**
     * Makes {@code content}, whose blocks are already stored, the file's new revision, creating the
     * file with {@code mode} if it is missing (unless {@code overwrite} is NEVER and it exists).
     *
     * @param modified the modification time to record, or null for the command's time
     */
    record CommitContent(VfsPath path, Content content, int mode, Overwrite overwrite, Long modified)
            implements VolumeCommand {
    }

    record CreateSymlink(VfsPath path, String target) implements VolumeCommand {
    }

    record Move(VfsPath path, VfsPath target, Overwrite overwrite) implements VolumeCommand {
    }

    record Remove(VfsPath path, RemoveMode mode) implements VolumeCommand {
    }

    record Copy(VfsPath path, VfsPath target, Overwrite overwrite, CopyDepth depth) implements VolumeCommand {
    }

    /** Sets the attributes that are not null. */
    record SetAttributes(VfsPath path, Integer mode, String owner, Long modified) implements VolumeCommand {
    }

    /**
     * Records that an upload to {@code path} was given up after {@code received} bytes; changes
     * nothing in the tree. Fails if the folder it was going into is gone.
     */
    record RecordAbortedUpload(VfsPath path, long received, String reason) implements VolumeCommand {
    }

    /**
     * Puts each target back as it was at {@code asOf}, as new events on the current tree: history
     * is never rewritten. A file gets its old content (whose blocks are still stored) and
     * attributes, a folder its old entries; what did not exist then is removed. Targets inside a
     * TREE target are covered by it.
     *
     * @param reason what the restore is for, recorded with it (e.g. "undo alice since 2026-11-21")
     */
    record Restore(List<RestoreTarget> targets, long asOf, String reason) implements VolumeCommand {
        public Restore {
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a restore needs at least one path");
            }
            targets = List.copyOf(targets);
        }

        @Override
        public VfsPath path() {
            return targets.getFirst().path();
        }
    }

    record SetProperties(VfsPath path, Map<String, String> set, Set<String> removed) implements VolumeCommand {
        public SetProperties {
            set = Map.copyOf(set);
            removed = Set.copyOf(removed);
        }
    }
}
