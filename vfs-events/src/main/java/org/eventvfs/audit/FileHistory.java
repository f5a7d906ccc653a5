package org.eventvfs.audit;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;

/**
 * Every revision of the node at a path: the events that created it, changed its content or
 * attributes, moved it (with the old and new path) and removed it, found by its id so that it is
 * followed across renames. A node that replaced another by a rename (how editors and sync tools
 * save: write a temporary file, rename it over the old one) continues that one's history, and a
 * node made by a copy starts with the history of its source up to the copy.
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

    /**
     * The events of {@code nodeId} and of the nodes it replaced, up to {@code to}, preceded by
     * the copy source's if a copy made the first of them. Read newest first, so that a rename
     * over another node is met before that node's own events.
     */
    private static Future<List<EventEnvelope>> revisions(Volume volume, long nodeId, long to) {
        Set<Long> lineage = new HashSet<>(Set.of(nodeId));
        Deque<EventEnvelope> events = new ArrayDeque<>();
        EventEnvelope[] renamedOver = {null};
        return LogScan.backward(volume, to, 1, event -> {
            if (renamedOver[0] != null && replaced(renamedOver[0], event)) {
                lineage.add(((VolumeEvent) event.payload()).nodeId());
            }
            renamedOver[0] = null;
            if (concerns(volume, lineage, event)) {
                events.addFirst(event);
                if (event.payload() instanceof VolumeEvent.NodeMoved) {
                    renamedOver[0] = event;
                }
            }
        }).compose(scanned -> {
            if (events.isEmpty() || !(events.getFirst().payload() instanceof VolumeEvent.TreeCopied copy)) {
                return Future.succeededFuture(List.copyOf(events));
            }
            EventEnvelope first = events.getFirst();
            long copied = first.position();
            long copiedId = copy.nodes().stream().map(Node::id).filter(lineage::contains).findFirst().orElseThrow();
            return source(volume, copy, copiedId, copied)
                    .compose(source -> revisions(volume, source.id(), copied - 1))
                    .map(before -> {
                        List<EventEnvelope> all = new ArrayList<>(before);
                        all.addAll(events);
                        return all;
                    });
        });
    }

    /** True if {@code removal} is the node a rename ({@code move}) replaced: the same command, the same place. */
    private static boolean replaced(EventEnvelope move, EventEnvelope removal) {
        return removal.position() == move.position() - 1 && removal.commandId().equals(move.commandId())
                && removal.payload() instanceof VolumeEvent.NodeRemoved removed
                && move.payload() instanceof VolumeEvent.NodeMoved moved
                && removed.parentId() == moved.toParentId() && removed.name().equals(moved.toName());
    }

    private static boolean concerns(Volume volume, Set<Long> lineage, EventEnvelope envelope) {
        long p = envelope.position();
        return switch ((VolumeEvent) envelope.payload()) {
            case VolumeEvent.UploadAborted aborted -> false;
            case VolumeEvent.TreeCopied copy -> copy.nodes().stream().anyMatch(n -> lineage.contains(n.id()));
            // Removing a folder removes what is in it, with no event of its own.
            case VolumeEvent.NodeRemoved removed when !lineage.contains(removed.nodeId()) -> lineage.stream()
                    .anyMatch(id -> volume.pathOf(id, p - 1) != null && volume.pathOf(id, p) == null);
            case VolumeEvent event -> lineage.contains(event.nodeId());
        };
    }

    /** The node of the copy's source that {@code nodeId} was copied from, as of just before the copy. */
    private static Future<Node> source(Volume volume, VolumeEvent.TreeCopied copy, long nodeId, long copied) {
        VfsPath below = volume.pathOf(nodeId, copied).relativize(volume.pathOf(copy.nodeId(), copied));
        return volume.stat(volume.pathOf(copy.sourceId(), copied - 1).resolve(below), copied - 1);
    }
}
