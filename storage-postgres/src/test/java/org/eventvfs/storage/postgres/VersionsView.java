package org.eventvfs.storage.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.TreeView;
import org.eventvfs.storage.postgres.TreeTables.NodeVersion;

/** The rows of {@code node_versions} valid at one position, as a tree to compare with a replay. */
final class VersionsView implements TreeView {
    private final List<NodeVersion> versions;
    private final long position;
    private final Map<Long, Node> nodes = new HashMap<>();
    private final Map<Long, List<Node>> children = new HashMap<>();

    VersionsView(List<NodeVersion> versions, long position) {
        this.versions = versions;
        this.position = position;
        for (NodeVersion v : versions) {
            if (v.validAt(position)) {
                Node previous = nodes.put(v.node().id(), v.node());
                if (previous != null) {
                    throw new AssertionError("node " + v.node().id() + " has two versions valid at " + position);
                }
                children.computeIfAbsent(v.node().parentId(), id -> new ArrayList<>()).add(v.node());
            }
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public TreeView past(long earlier) {
        return new VersionsView(versions, earlier);
    }

    @Override
    public Node node(long id) {
        return nodes.get(id);
    }

    @Override
    public Node child(long directoryId, String name) {
        return children(directoryId).stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public List<Node> children(long directoryId) {
        return children.getOrDefault(directoryId, List.of());
    }

    @Override
    public boolean hasChildren(long directoryId) {
        return !children(directoryId).isEmpty();
    }

    @Override
    public long nextNodeId() {
        return nodes.keySet().stream().mapToLong(Long::longValue).max().orElse(Node.ROOT_ID) + 1;
    }
}
