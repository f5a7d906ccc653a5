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
