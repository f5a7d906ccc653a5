package org.eventvfs.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.eventvfs.domain.VolumeCommand.Restore;
import org.eventvfs.domain.VolumeEvent.AttributesChanged;
import org.eventvfs.domain.VolumeEvent.ContentCommitted;
import org.eventvfs.domain.VolumeEvent.NodeRemoved;
import org.eventvfs.domain.VolumeEvent.PropertiesChanged;
import org.eventvfs.domain.VolumeEvent.TreeCopied;
import org.eventvfs.domain.VolumeEvent.TreeRestored;

/**
 * Decides a {@link Restore}: compares each target path as it is with the same path in the past
 * view, name by name, and emits the ordinary events that make the present equal the past. What
 * exists only now is removed; what existed only then comes back as a copy of the past nodes with
 * new ids (sharing their blocks, so no content is stored twice); what exists on both sides keeps
 * its id and gets its old content, attributes and properties.
 *
 * <p>Paths are matched by name, since a restored tree must equal the old one and names are what
 * clients see: a file renamed since comes back as a copy under its old name while the new name
 * goes away. A node is kept and changed in place only if it is the same node as then (same id).
 */
final class TreeRestorer {
    private final TreeView head;
    private final TreeView past;
    private final long now;
    private final List<VolumeEvent> events = new ArrayList<>();
    private long nextId;

    private TreeRestorer(TreeView head, TreeView past, long now) {
        this.head = head;
        this.past = past;
        this.now = now;
        this.nextId = head.nextNodeId();
    }

    static List<VolumeEvent> decide(TreeView head, Restore command, long now) {
        if (command.asOf() < 0 || command.asOf() > head.position()) {
            throw new VfsException.InvalidName("cannot restore to position " + command.asOf()
                    + ": the volume is at " + head.position());
        }
        TreeRestorer restorer = new TreeRestorer(head, head.past(command.asOf()), now);
        for (RestoreTarget target : RestoreTarget.outermost(command.targets())) {
            restorer.restore(target, command.asOf(), command.reason());
        }
        return restorer.events;
    }

    private void restore(RestoreTarget target, long asOf, String reason) {
        VfsPath path = target.path();
        Node then = past.lookup(path);
        Node current = head.lookup(path);
        if (then == null && current == null) {
            return;
        }
        Node parent = path.isRoot() ? null : existingParent(path, then);
        events.add(new TreeRestored(parent == null ? 0 : parent.id(), path.isRoot() ? "" : path.fileName(), asOf,
                target.depth() == RestoreTarget.Depth.TREE, reason == null ? "" : reason, now));
        reconcile(then, current, parent == null ? 0 : parent.id(), path.isRoot() ? "" : path.fileName(),
                target.depth() == RestoreTarget.Depth.TREE);
    }

    /** The folder the path is in now; a restore does not bring back missing folders above it. */
    private Node existingParent(VfsPath path, Node then) {
        Node parent = head.lookup(path.parent());
        if (parent == null || !parent.isDirectory()) {
            if (then == null) {
                return parent;
            }
            throw new VfsException.NotFound("cannot restore " + path + ": its folder " + path.parent()
                    + " does not exist now; restore " + path.parent() + " instead");
        }
        return parent;
    }

    private void reconcile(Node then, Node current, long parentId, String name, boolean deep) {
        if (then == null) {
            events.add(new NodeRemoved(current.id(), current.parentId(), current.name(), now));
        } else if (current == null) {
            recreate(then, parentId, name);
        } else if (then.id() != current.id() || (then.isSymlink() && !then.target().equals(current.target()))) {
            // Another node under the old name (removed and made again since) is not the old one
            // changed: it goes, and the old one comes back, with its creation time.
            events.add(new NodeRemoved(current.id(), current.parentId(), current.name(), now));
            recreate(then, parentId, name);
        } else {
            restoreInPlace(then, current);
            if (deep && then.isDirectory()) {
                reconcileChildren(then, current);
            }
        }
    }

    private void reconcileChildren(Node then, Node current) {
        Map<String, Node> before = byName(past.children(then.id()));
        Map<String, Node> now = byName(head.children(current.id()));
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.keySet());
        for (String child : names) {
            Node a = before.get(child);
            Node b = now.get(child);
            if (a != null || b != null) {
                reconcile(a, b, current.id(), child, true);
            }
        }
    }

    private void restoreInPlace(Node then, Node current) {
        boolean contentBack = then.isFile() && !then.content().equals(current.content());
        if (contentBack) {
            events.add(new ContentCommitted(current.id(), then.content(), then.modified()));
        }
        Integer mode = then.mode() != current.mode() ? then.mode() : null;
        String owner = !then.owner().equals(current.owner()) ? then.owner() : null;
        Long modified = !contentBack && then.modified() != current.modified() && !then.isSymlink()
                ? then.modified() : null;
        if (mode != null || owner != null || modified != null) {
            events.add(new AttributesChanged(current.id(), mode, owner, modified));
        }
        if (!then.properties().equals(current.properties())) {
            Map<String, String> set = new HashMap<>();
            then.properties().forEach((k, v) -> {
                if (!Objects.equals(current.properties().get(k), v)) {
                    set.put(k, v);
                }
            });
            List<String> removed = current.properties().keySet().stream()
                    .filter(k -> !then.properties().containsKey(k)).sorted().toList();
            events.add(new PropertiesChanged(current.id(), set, removed));
        }
    }

    /** The past node and everything below it, as new nodes under {@code parentId}, parents first. */
    private void recreate(Node then, long parentId, String name) {
        List<Node> copies = new ArrayList<>();
        Deque<Node[]> pending = new ArrayDeque<>();
        pending.add(new Node[] {then, asCopy(then, parentId, name)});
        while (!pending.isEmpty()) {
            Node[] pair = pending.removeFirst();
            copies.add(pair[1]);
            if (pair[0].isDirectory()) {
                for (Node child : sorted(past.children(pair[0].id()))) {
                    pending.add(new Node[] {child, asCopy(child, pair[1].id(), child.name())});
                }
            }
        }
        events.add(new TreeCopied(then.id(), copies));
    }

    private Node asCopy(Node then, long parentId, String name) {
        return new Node(nextId++, parentId, name, then.kind(), then.mode(), then.owner(), then.created(),
                then.modified(), then.content(), then.target(), then.properties());
    }

    private static Map<String, Node> byName(List<Node> nodes) {
        Map<String, Node> map = new HashMap<>();
        nodes.forEach(n -> map.put(n.name(), n));
        return map;
    }

    private static List<Node> sorted(List<Node> nodes) {
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort((a, b) -> a.name().compareTo(b.name()));
        return copy;
    }
}
