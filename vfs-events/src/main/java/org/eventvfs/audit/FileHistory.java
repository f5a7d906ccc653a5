package org.eventvfs.audit;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;

/**
 * Every revision of the node at a path: the events that created it, changed its content or
 * attributes, moved it (with the old and new path) and removed it, found by its id so that it is
 * followed across renames. A node made by a copy starts with the history of its source up to the
 * copy.
 *
 * @param path the path asked about
 * @param position the position it was looked up at
 * @param revisions the node's events, oldest first
 */
public record FileHistory(String path, long position, List<LogEntry> revisions) {
    public FileHistory {
        revisions = List.copyOf(revisions);
    }

    /** The history of what is at {@code path} as of {@code asOf}; fails with NotFound if nothing is. */
    public static Future<FileHistory> of(Volume volume, VfsPath path, long asOf) {
        long position = Math.min(asOf, volume.position());
        return volume.stat(path, position)
                .compose(node -> revisions(volume, node.id(), volume.position()))
                .map(events -> new FileHistory(path.toString(), position,
                        events.stream().map(event -> LogEntries.of(volume, event)).toList()));
    }

    /** The events of {@code nodeId} up to {@code to}, preceded by its copy source's if a copy made it. */
    private static Future<List<EventEnvelope>> revisions(Volume volume, long nodeId, long to) {
        List<EventEnvelope> events = new ArrayList<>();
        return LogScan.forEach(volume, 1, to, event -> {
            if (concerns(volume, nodeId, event)) {
                events.add(event);
            }
            return true;
        }).compose(scanned -> {
            if (events.isEmpty() || !(events.getFirst().payload() instanceof VolumeEvent.TreeCopied copy)) {
                return Future.succeededFuture(events);
            }
            long copied = events.getFirst().position();
            return source(volume, copy, nodeId, copied)
                    .compose(source -> revisions(volume, source.id(), copied - 1))
                    .map(before -> {
                        List<EventEnvelope> all = new ArrayList<>(before);
                        all.addAll(events);
                        return all;
                    });
        });
    }

    private static boolean concerns(Volume volume, long nodeId, EventEnvelope envelope) {
        long p = envelope.position();
        return switch ((VolumeEvent) envelope.payload()) {
            case VolumeEvent.UploadAborted aborted -> false;
            case VolumeEvent.TreeCopied copy -> copy.nodes().stream().anyMatch(n -> n.id() == nodeId);
            // Removing a folder removes what is in it, with no event of its own.
            case VolumeEvent.NodeRemoved removed when removed.nodeId() != nodeId ->
                    volume.pathOf(nodeId, p - 1) != null && volume.pathOf(nodeId, p) == null;
            case VolumeEvent event -> event.nodeId() == nodeId;
        };
    }

    /** The node of the copy's source that {@code nodeId} was copied from, as of just before the copy. */
    private static Future<Node> source(Volume volume, VolumeEvent.TreeCopied copy, long nodeId, long copied) {
        VfsPath below = volume.pathOf(nodeId, copied).relativize(volume.pathOf(copy.nodeId(), copied));
        return volume.stat(volume.pathOf(copy.sourceId(), copied - 1).resolve(below), copied - 1);
    }
}
