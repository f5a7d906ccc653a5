package org.eventvfs;

import java.util.List;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * How to reverse one user's changes: the restore that puts every path they changed back as it
 * was before, and the paths left alone because someone else changed them since.
 *
 * @param restore null when there is nothing to reverse
 */
public record UndoPlan(VolumeCommand.Restore restore, List<Skipped> skipped) {
    public UndoPlan {
        skipped = List.copyOf(skipped);
    }

    /** A path the undo leaves as it is, and why. */
    public record Skipped(VfsPath path, String reason) {
    }
}
