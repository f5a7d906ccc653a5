package org.eventvfs.storage.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
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
import org.eventvfs.storage.postgres.SqlStep.Statement;

/**
 * What each volume event does to the {@code node_versions} table, as statements run in the
 * append's transaction: the same rules as the in-memory {@code TreeProjection}, which the
 * property tests hold both to. A change ends the node's current version at the event's position
 * and starts a changed copy there; a removal ends the versions of the node and everything below it.
 */
final class TreeRows {
    static final Statement CREATE = new Statement("""
            INSERT INTO node_versions (volume, node_id, valid_from, parent_id, name, kind, mode, owner, created_ms,
                                       modified_ms, size, sha256, blocks, target, properties)
            SELECT volume, node_id, valid_from, parent_id, name, kind, mode, owner, created_ms, modified_ms, size,
                   sha256, blocks::jsonb, target, properties::jsonb
            FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::integer[],
                        $8::text[], $9::bigint[], $10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::text[],
                        $15::text[])
                AS r(volume, node_id, valid_from, parent_id, name, kind, mode, owner, created_ms, modified_ms, size,
                     sha256, blocks, target, properties)""",
            String.class, Long.class, Long.class, Long.class, String.class, String.class, Integer.class,
            String.class, Long.class, Long.class, Long.class, String.class, String.class, String.class, String.class);
    /** Every argument after the position is null where the event leaves that column as it is. */
    static final Statement CHANGE = new Statement("""
            WITH old AS (
                UPDATE node_versions SET valid_to = $3
                WHERE volume = $1 AND node_id = $2 AND valid_to IS NULL
                RETURNING *)
            INSERT INTO node_versions (volume, node_id, valid_from, parent_id, name, kind, mode, owner, created_ms,
                                       modified_ms, size, sha256, blocks, target, properties)
            SELECT volume, node_id, $3, coalesce($4::bigint, parent_id), coalesce($5::text, name), kind,
                   coalesce($6::integer, mode), coalesce($7::text, owner), created_ms,
                   coalesce($8::bigint, modified_ms), coalesce($9::bigint, size), coalesce($10::text, sha256),
                   coalesce($11::text::jsonb, blocks), target,
                   (properties - coalesce($12::text[], '{}')) || coalesce($13::text::jsonb, '{}')
            FROM old""");
    static final Statement REMOVE = new Statement("""
            WITH RECURSIVE doomed AS (
                SELECT node_id FROM node_versions WHERE volume = $1 AND node_id = $2 AND valid_to IS NULL
                UNION ALL
                SELECT c.node_id FROM node_versions c JOIN doomed d ON c.parent_id = d.node_id
                WHERE c.volume = $1 AND c.valid_to IS NULL)
            UPDATE node_versions SET valid_to = $3
            WHERE volume = $1 AND valid_to IS NULL AND node_id IN (SELECT node_id FROM doomed)""");

    private TreeRows() {
    }

    /** The root directory every volume starts with, as of position 0. */
    static SqlStep root(String volume) {
        return create(volume, 0, Node.root(0));
    }

    /** The statements that apply {@code event}, at {@code position}, in order. */
    static List<SqlStep> of(String volume, long position, VolumeEvent event) {
        return switch (event) {
            case DirectoryCreated e -> List.of(create(volume, position, new Node(e.nodeId(), e.parentId(), e.name(),
                    NodeKind.DIRECTORY, e.mode(), e.owner(), e.time(), e.time(), null, null, Map.of())));
            case FileCreated e -> List.of(create(volume, position, new Node(e.nodeId(), e.parentId(), e.name(),
                    NodeKind.FILE, e.mode(), e.owner(), e.time(), e.time(), Content.EMPTY, null, Map.of())));
            case SymlinkCreated e -> List.of(create(volume, position, new Node(e.nodeId(), e.parentId(), e.name(),
                    NodeKind.SYMLINK, 0777, e.owner(), e.time(), e.time(), null, e.target(), Map.of())));
            case ContentCommitted e -> List.of(change(volume, position, e.nodeId(), null, null, null, null,
                    e.time(), e.content(), null, null));
            case NodeMoved e -> List.of(change(volume, position, e.nodeId(), e.toParentId(), e.toName(), null, null,
                    null, null, null, null));
            case NodeRemoved e -> List.of(new SqlStep(REMOVE, Tuple.of(volume, e.nodeId(), position)));
            case AttributesChanged e -> List.of(change(volume, position, e.nodeId(), null, null, e.mode(), e.owner(),
                    e.modified(), null, null, null));
            case PropertiesChanged e -> List.of(change(volume, position, e.nodeId(), null, null, null, null, null,
                    null, e.removed().toArray(String[]::new), json(e.set())));
            case TreeCopied e -> copies(volume, position, e.nodes());
            // Recorded in the events table for the audit trail; the tree is as it was.
            case UploadAborted e -> List.of();
            case TreeRestored e -> List.of();
        };
    }

    private static List<SqlStep> copies(String volume, long position, List<Node> nodes) {
        List<SqlStep> steps = new ArrayList<>(nodes.size());
        nodes.forEach(node -> steps.add(create(volume, position, node)));
        return steps;
    }

    private static SqlStep create(String volume, long position, Node n) {
        Content content = n.content();
        return new SqlStep(CREATE, Tuple.from(new Object[] {volume, n.id(), position, n.parentId(), n.name(),
                kind(n.kind()), n.mode(), n.owner(), n.created(), n.modified(),
                content == null ? null : content.size(), content == null ? null : content.sha256().hex(),
                content == null ? null : json(content.blocks()), n.target(), json(n.properties())}));
    }

    private static SqlStep change(String volume, long position, long nodeId, Long parentId, String name, Integer mode,
                                  String owner, Long modified, Content content, String[] removed, String set) {
        return new SqlStep(CHANGE, Tuple.from(new Object[] {volume, nodeId, position, parentId, name, mode, owner,
                modified, content == null ? null : content.size(), content == null ? null : content.sha256().hex(),
                content == null ? null : json(content.blocks()), removed, set}));
    }

    static String kind(NodeKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
