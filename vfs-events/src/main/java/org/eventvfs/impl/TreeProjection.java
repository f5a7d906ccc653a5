package org.eventvfs.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eventvfs.HistoryPoint;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.domain.VolumeEvent.AttributesChanged;
import org.eventvfs.domain.VolumeEvent.ContentCommitted;
import org.eventvfs.domain.VolumeEvent.DirectoryCreated;
import org.eventvfs.domain.VolumeEvent.FileCreated;
import org.eventvfs.domain.VolumeEvent.NodeMoved;
import org.eventvfs.domain.VolumeEvent.NodeRemoved;
import org.eventvfs.domain.VolumeEvent.PropertiesChanged;
import org.eventvfs.domain.VolumeEvent.SymlinkCreated;
import org.eventvfs.domain.VolumeEvent.TreeCopied;
import org.eventvfs.domain.VolumeEvent.TreeRestored;
import org.eventvfs.domain.VolumeEvent.UploadAborted;

/**
 * The in-memory projection of one volume: every node and every directory entry kept as
 * {@link Versions} over positions, so that a view as of any past position is a lookup, not a
 * replay.
 *
 * <p>One thread (the volume's writer) applies events; any thread reads. Events may be applied
 * <em>speculatively</em> beyond the durable position, so the writer can decide the next command of
 * a group commit on top of the previous ones before their append is durable; readers only ever
 * see {@link #durablePosition()} and before, and a failed append is {@link #rollback() rolled back}.
 */
public final class TreeProjection {
    final ConcurrentHashMap<Long, Versions<Node>> nodes = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Long, ConcurrentHashMap<String, Versions<Long>>> entries = new ConcurrentHashMap<>();
    private final ArrayDeque<Undo> undo = new ArrayDeque<>();
    final Timeline timeline = new Timeline();
    private volatile long durable;
    private long applied;
    long nextNodeId = Node.ROOT_ID + 1;

    /** How to take back one speculative change made at {@code position}. */
    private record Undo(long position, Runnable action) {
    }

    public TreeProjection() {
        nodes.put(Node.ROOT_ID, new Versions<>(0, Node.root(0), null));
    }

    /** The newest position readers may see: every event up to it is durable. */
    public long durablePosition() {
        return durable;
    }

    /** The newest position applied, durable or not. */
    public long appliedPosition() {
        return applied;
    }

    /** The tree as readers see it now. */
    public TreeView head() {
        return new AsOf(durable);
    }

    /** The tree as of {@code position}, which is capped at the durable position. */
    public TreeView asOf(long position) {
        return new AsOf(Math.min(position, durable));
    }

    /** The tree with every applied event, durable or not: only the writer decides on it. */
    public TreeView speculativeHead() {
        return new AsOf(Long.MAX_VALUE);
    }

    /** Applies the event at {@code position}, written at {@code time}; positions must come in order. */
    public void apply(long position, long time, VolumeEvent event) {
        if (position <= applied) {
            throw new IllegalStateException("event at " + position + " applied after " + applied);
        }
        applied = position;
        timeline.record(position, time);
        switch (event) {
            case DirectoryCreated e -> create(position, new Node(e.nodeId(), e.parentId(), e.name(),
                    NodeKind.DIRECTORY, e.mode(), e.owner(), e.time(), e.time(), null, null, Map.of()));
            case FileCreated e -> create(position, new Node(e.nodeId(), e.parentId(), e.name(), NodeKind.FILE,
                    e.mode(), e.owner(), e.time(), e.time(), Content.EMPTY, null, Map.of()));
            case SymlinkCreated e -> create(position, new Node(e.nodeId(), e.parentId(), e.name(),
                    NodeKind.SYMLINK, 0777, e.owner(), e.time(), e.time(), null, e.target(), Map.of()));
            case ContentCommitted e -> putNode(position, current(e.nodeId()).withContent(e.content(), e.time()));
            case NodeMoved e -> {
                putEntry(position, e.fromParentId(), e.fromName(), null);
                putEntry(position, e.toParentId(), e.toName(), e.nodeId());
                putNode(position, current(e.nodeId()).withPlace(e.toParentId(), e.toName()));
            }
            case NodeRemoved e -> {
                putEntry(position, e.parentId(), e.name(), null);
                removeSubtree(position, e.nodeId());
            }
            case AttributesChanged e -> putNode(position, changed(current(e.nodeId()), e));
            case PropertiesChanged e -> putNode(position, current(e.nodeId()).withProperties(merged(
                    current(e.nodeId()).properties(), e)));
            case TreeCopied e -> e.nodes().forEach(node -> create(position, node));
            case UploadAborted e -> {
                // Recorded for the audit trail only: the tree is as it was.
            }
            case TreeRestored e -> {
                // Marks the start of a restore; the events after it make the changes.
            }
        }
    }

    /** Sets the state a snapshot recorded: everything up to {@code position} is applied and durable. */
    void restored(long position, long nextId) {
        applied = position;
        durable = position;
        nextNodeId = nextId;
    }

    /** Makes everything applied up to {@code position} visible to readers. */
    public void markDurable(long position) {
        if (position > applied) {
            throw new IllegalStateException("durable " + position + " beyond applied " + applied);
        }
        durable = position;
        while (!undo.isEmpty() && undo.peekFirst().position() <= position) {
            undo.pollFirst();
        }
    }

    /** Forgets every event applied after the durable position, as if it had never been applied. */
    public void rollback() {
        while (!undo.isEmpty()) {
            undo.pollLast().action().run();
        }
        timeline.truncateAfter(durable);
        applied = durable;
    }

    /** The time {@code position} was written (epoch milliseconds), or -1 past the durable head. */
    public long timeOf(long position) {
        return position > durable ? -1 : timeline.timeOf(position);
    }

    /** The newest durable position written at or before {@code time}; 0 if none was. */
    public long positionAt(long time) {
        return timeline.positionAt(time, durable);
    }

    /** The newest durable position of each UTC day with changes, oldest first. */
    public List<HistoryPoint> changeDays() {
        return timeline.days(durable);
    }

    /** The last durable position of each of the newest {@code count} runs of one time, newest first. */
    public List<HistoryPoint> latestPoints(int count) {
        return timeline.latest(count, durable);
    }

    /** Number of nodes that exist at the durable position (the root included). */
    public long liveNodeCount() {
        long position = durable;
        return nodes.values().stream().filter(v -> v.at(position) != null).count();
    }

    private Node current(long id) {
        Versions<Node> v = nodes.get(id);
        Node node = v == null ? null : v.value();
        if (node == null) {
            throw new IllegalStateException("event refers to node " + id + ", which does not exist");
        }
        return node;
    }

    private void create(long position, Node node) {
        putNode(position, node);
        putEntry(position, node.parentId(), node.name(), node.id());
        long before = nextNodeId;
        nextNodeId = Math.max(before, node.id() + 1);
        if (position > durable) {
            undo.addLast(new Undo(position, () -> nextNodeId = before));
        }
    }

    private void putNode(long position, Node node) {
        push(nodes, node.id(), position, node);
    }

    private void putEntry(long position, long directoryId, String name, Long childId) {
        ConcurrentHashMap<String, Versions<Long>> names = entries.get(directoryId);
        if (names == null) {
            names = new ConcurrentHashMap<>(4);
            entries.put(directoryId, names);
        }
        push(names, name, position, childId);
    }

    private <K, T> void push(ConcurrentHashMap<K, Versions<T>> map, K key, long position, T value) {
        Versions<T> older = map.get(key);
        map.put(key, new Versions<>(position, value, older));
        if (position > durable) {
            undo.addLast(new Undo(position, () -> restore(map, key)));
        }
    }

    private <K, T> void restore(ConcurrentHashMap<K, Versions<T>> map, K key) {
        long position = durable;
        map.computeIfPresent(key, (k, v) -> v.upTo(position));
    }

    private void removeSubtree(long position, long rootId) {
        Deque<Long> pending = new ArrayDeque<>();
        pending.add(rootId);
        while (!pending.isEmpty()) {
            long id = pending.removeFirst();
            Node node = nodes.get(id).value();
            push(nodes, id, position, null);
            if (node.isDirectory()) {
                forEachChild(id, Long.MAX_VALUE, (name, childId) -> pending.add(childId));
            }
        }
    }

    private void forEachChild(long directoryId, long position, BiConsumer<String, Long> action) {
        Map<String, Versions<Long>> names = entries.get(directoryId);
        if (names == null) {
            return;
        }
        names.forEach((name, versions) -> {
            Long child = versions.at(position);
            if (child != null) {
                action.accept(name, child);
            }
        });
    }

    private static Node changed(Node node, AttributesChanged e) {
        Node result = node;
        if (e.mode() != null) {
            result = result.withMode(e.mode());
        }
        if (e.owner() != null) {
            result = result.withOwner(e.owner());
        }
        if (e.modified() != null) {
            result = result.withModified(e.modified());
        }
        return result;
    }

    private static Map<String, String> merged(Map<String, String> properties, PropertiesChanged change) {
        Map<String, String> result = new HashMap<>(properties);
        change.removed().forEach(result::remove);
        result.putAll(change.set());
        return result;
    }

    /** A view at one position; cheap to create, valid as long as the projection lives. */
    private final class AsOf implements TreeView {
        private final long position;

        AsOf(long position) {
            this.position = position;
        }

        @Override
        public long position() {
            return position == Long.MAX_VALUE ? applied : position;
        }

        @Override
        public Node node(long id) {
            Versions<Node> v = nodes.get(id);
            return v == null ? null : v.at(position);
        }

        @Override
        public Node child(long directoryId, String name) {
            Map<String, Versions<Long>> names = entries.get(directoryId);
            Versions<Long> v = names == null ? null : names.get(name);
            Long id = v == null ? null : v.at(position);
            return id == null ? null : node(id);
        }

        @Override
        public List<Node> children(long directoryId) {
            List<Node> result = new ArrayList<>();
            forEachChild(directoryId, position, (name, id) -> result.add(node(id)));
            return result;
        }

        @Override
        public boolean hasChildren(long directoryId) {
            Map<String, Versions<Long>> names = entries.get(directoryId);
            if (names == null) {
                return false;
            }
            for (Versions<Long> v : names.values()) {
                if (v.at(position) != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public TreeView past(long earlier) {
            if (earlier > durable) {
                throw new VfsException.Conflict("position " + earlier + " is not durable yet");
            }
            return new AsOf(earlier);
        }

        @Override
        public long nextNodeId() {
            return nextNodeId;
        }
    }
}
