package org.eventvfs.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsPath;

/** A whole tree as a sorted map from path to node, so two projections compare with one equals. */
public final class TreeDump {
    private TreeDump() {
    }

    /**
     * The tree below {@code root} as clients see it: paths relative to it, nodes without their
     * ids, so a restored tree (whose recreated nodes have new ids) compares equal to the old one.
     * Empty if there is nothing at {@code root}.
     */
    public static SortedMap<VfsPath, Node> shape(TreeView view, VfsPath root) {
        SortedMap<VfsPath, Node> result = new TreeMap<>();
        Node top = view.lookup(root);
        if (top == null) {
            return result;
        }
        Deque<VfsPath> pending = new ArrayDeque<>();
        pending.add(VfsPath.root());
        while (!pending.isEmpty()) {
            VfsPath relative = pending.removeFirst();
            Node node = view.lookup(root.resolve(relative));
            result.put(relative, new Node(0, 0, relative.isRoot() ? "" : node.name(), node.kind(), node.mode(),
                    node.owner(), node.created(), node.modified(), node.content(), node.target(), node.properties()));
            if (node.isDirectory()) {
                view.children(node.id()).forEach(child -> pending.add(relative.resolve(child.name())));
            }
        }
        return result;
    }

    public static SortedMap<VfsPath, Node> of(TreeView view) {
        SortedMap<VfsPath, Node> result = new TreeMap<>();
        Deque<VfsPath> pending = new ArrayDeque<>();
        pending.add(VfsPath.root());
        while (!pending.isEmpty()) {
            VfsPath path = pending.removeFirst();
            Node node = view.lookup(path);
            result.put(path, node);
            if (node.isDirectory()) {
                view.children(node.id()).forEach(child -> pending.add(path.resolve(child.name())));
            }
        }
        return result;
    }
}
