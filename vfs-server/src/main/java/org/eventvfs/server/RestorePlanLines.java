package org.eventvfs.server;

import io.vertx.core.Future;
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

    static Future<List<String>> of(Volume volume, List<VolumeEvent> events) {
        List<Future<String>> lines = new ArrayList<>(events.size());
        for (VolumeEvent event : events) {
            lines.add(line(volume, event));
        }
        return Future.all(lines).map(all -> all.<String>list());
    }

    private static Future<String> line(Volume volume, VolumeEvent event) {
        return switch (event) {
            case TreeRestored e -> path(volume, e.parentId(), e.name()).map(p -> "restore " + p + " to @"
                    + e.asOf() + " (" + HistoryFolder.timeName(Math.max(volume.timeOf(e.asOf()), 0)) + ")");
            case NodeRemoved e -> path(volume, e.parentId(), e.name()).map(p -> "  remove " + p);
            case TreeCopied e -> path(volume, e.nodes().getFirst().parentId(), e.nodes().getFirst().name())
                    .map(p -> "  bring back " + p + (e.nodes().size() > 1 ? " and " + (e.nodes().size() - 1)
                            + " below it" : ""));
            case ContentCommitted e -> volume.pathOf(e.nodeId(), Volume.HEAD).map(p -> "  content of " + p + ": "
                    + e.content().size() + " bytes, sha256 " + e.content().sha256().hex());
            case AttributesChanged e -> volume.pathOf(e.nodeId(), Volume.HEAD).map(p -> "  attributes of " + p
                    + (e.mode() != null ? " mode " + String.format("%04o", e.mode()) : "")
                    + (e.owner() != null ? " owner " + e.owner() : "")
                    + (e.modified() != null ? " modified " + java.time.Instant.ofEpochMilli(e.modified()) : ""));
            case PropertiesChanged e -> volume.pathOf(e.nodeId(), Volume.HEAD).map(p -> "  properties of " + p);
            default -> Future.succeededFuture("  " + event.getClass().getSimpleName());
        };
    }

    /** The path of entry {@code name} in folder {@code parentId}; the root for parent 0. */
    private static Future<VfsPath> path(Volume volume, long parentId, String name) {
        if (parentId == 0) {
            return Future.succeededFuture(VfsPath.root());
        }
        return volume.pathOf(parentId, Volume.HEAD).map(parent -> parent.resolve(name));
    }
}
