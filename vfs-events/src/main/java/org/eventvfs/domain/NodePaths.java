package org.eventvfs.domain;

import java.util.ArrayList;
import java.util.List;

/** Paths of nodes by id, for readers of the log, whose events name nodes by id. */
public final class NodePaths {
    private NodePaths() {
    }

    /** The path of node {@code id} in {@code tree}, or null if it does not exist there. */
    public static VfsPath of(TreeView tree, long id) {
        List<String> names = new ArrayList<>();
        Node node = tree.node(id);
        while (node != null && node.id() != Node.ROOT_ID) {
            names.add(node.name());
            node = tree.node(node.parentId());
        }
        if (node == null) {
            return null;
        }
        VfsPath path = VfsPath.root();
        for (int i = names.size() - 1; i >= 0; i--) {
            path = path.resolve(names.get(i));
        }
        return path;
    }

    /** The path of entry {@code name} in folder {@code parentId} of {@code tree}, or null. */
    public static VfsPath of(TreeView tree, long parentId, String name) {
        VfsPath parent = of(tree, parentId);
        return parent == null ? null : parent.resolve(name);
    }
}
