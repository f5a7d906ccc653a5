package org.eventvfs.domain;

import java.util.List;

/**
 * A read-only view of one volume's tree at one position. Lookups never follow symbolic links:
 * resolving them, and keeping them inside a user's home, is the adapters' file-system layer's job.
 */
public interface TreeView {
    /** The position this view shows. */
    long position();

    /** The node with this id, or null. */
    Node node(long id);

    /** The child of a directory by name, or null. */
    Node child(long directoryId, String name);

    /** The children of a directory, in no particular order. */
    List<Node> children(long directoryId);

    /** True if the directory has at least one child. */
    boolean hasChildren(long directoryId);

    /** The same tree as of an earlier durable {@code position}, for decisions that look back (a restore). */
    TreeView past(long position);

    /** The id the next created node gets. */
    long nextNodeId();

    /** The node at {@code path}, or null if there is none (or a non-directory stands on the way). */
    default Node lookup(VfsPath path) {
        Node node = node(Node.ROOT_ID);
        for (int i = 0; i < path.depth() && node != null; i++) {
            node = node.isDirectory() ? child(node.id(), path.name(i)) : null;
        }
        return node;
    }
}
