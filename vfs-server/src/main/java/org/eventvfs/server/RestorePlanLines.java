package org.eventvfs.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.domain.VolumeEvent.AttributesChanged;
import org.eventvfs.domain.VolumeEvent.ContentCommitted;
import org.eventvfs.domain.VolumeEvent.NodeRemoved;
import org.eventvfs.domain.VolumeEvent.PropertiesChanged;
import org.eventvfs.domain.VolumeEvent.TreeCopied;
import org.eventvfs.domain.VolumeEvent.TreeRestored;

/**
 * A restore's events as lines a person reads before saying yes: which path goes back to when, and
 * what that removes, brings back or changes. Paths are as they are now, before the restore.
 */
final class RestorePlanLines {
    private RestorePlanLines() {
    }

    static List<String> of(Volume volume, List<VolumeEvent> events) {
        List<String> lines = new ArrayList<>(events.size());
        for (VolumeEvent event : events) {
            lines.add(line(volume, event));
        }
        return lines;
    }

    private static String line(Volume volume, VolumeEvent event) {
        return switch (event) {
            case TreeRestored e -> "restore " + path(volume, e.parentId(), e.name()) + " to @" + e.asOf() + " ("
                    + HistoryFolder.timeName(Math.max(volume.timeOf(e.asOf()), 0)) + ")";
            case NodeRemoved e -> "  remove " + path(volume, e.parentId(), e.name());
            case TreeCopied e -> "  bring back " + path(volume, e.nodes().getFirst().parentId(),
                    e.nodes().getFirst().name()) + (e.nodes().size() > 1 ? " and " + (e.nodes().size() - 1)
                    + " below it" : "");
            case ContentCommitted e -> "  content of " + volume.pathOf(e.nodeId(), Volume.HEAD) + ": "
                    + e.content().size() + " bytes, sha256 " + e.content().sha256().hex();
            case AttributesChanged e -> "  attributes of " + volume.pathOf(e.nodeId(), Volume.HEAD)
                    + (e.mode() != null ? " mode " + String.format("%04o", e.mode()) : "")
                    + (e.owner() != null ? " owner " + e.owner() : "")
                    + (e.modified() != null ? " modified " + Instant.ofEpochMilli(e.modified()) : "");
            case PropertiesChanged e -> "  properties of " + volume.pathOf(e.nodeId(), Volume.HEAD);
            default -> "  " + event.getClass().getSimpleName();
        };
    }

    /** The path of entry {@code name} in folder {@code parentId}; the root for parent 0. */
    private static VfsPath path(Volume volume, long parentId, String name) {
        if (parentId == 0) {
            return VfsPath.root();
        }
        VfsPath parent = volume.pathOf(parentId, Volume.HEAD);
        return parent == null ? VfsPath.root() : parent.resolve(name);
    }
}
