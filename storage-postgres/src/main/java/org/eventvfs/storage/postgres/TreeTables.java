package org.eventvfs.storage.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;

/**
 * Reads a volume's tree from the {@code node_versions} table with plain SQL, at the head or as of
 * any past position: each step of a lookup and each listing is one index walk
 * ({@code node_versions_current} at the head, {@code node_versions_as_of} in the past).
 */
public final class TreeTables {
    /** Reads as of this position see the head. */
    public static final long HEAD = Long.MAX_VALUE;
    private static final String COLUMNS = "node_id, parent_id, name, kind, mode, owner, created_ms, modified_ms, "
            + "size, sha256, blocks::text, target, properties::text, valid_from, valid_to";
    private static final String VALID_AT = "valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)";
    private static final String CHILD = "SELECT " + COLUMNS + " FROM node_versions"
            + " WHERE volume = $1 AND parent_id = $3 AND name = $4 AND " + VALID_AT;
    private static final String CHILDREN = "SELECT " + COLUMNS + " FROM node_versions"
            + " WHERE volume = $1 AND parent_id = $3 AND " + VALID_AT + " ORDER BY name";
    private static final String ROOT = "SELECT " + COLUMNS + " FROM node_versions"
            + " WHERE volume = $1 AND node_id = $3 AND " + VALID_AT;
    private static final String ALL = "SELECT " + COLUMNS + " FROM node_versions WHERE volume = $1"
            + " ORDER BY node_id, valid_from";
    private static final TypeReference<List<BlockRef>> BLOCKS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    private final Pool pool;

    TreeTables(Pool pool) {
        this.pool = pool;
    }

    /** One state of a node and the positions it holds over: from {@code validFrom} until before {@code validTo}. */
    public record NodeVersion(Node node, long validFrom, Long validTo) {
        public boolean validAt(long position) {
            return validFrom <= position && (validTo == null || validTo > position);
        }
    }

    /** The node at {@code path} as of {@code position}, or null: one query per path step. */
    public Future<Node> lookup(String volume, VfsPath path, long position) {
        Future<Node> node = one(ROOT, Tuple.of(volume, position, Node.ROOT_ID));
        for (int i = 0; i < path.depth(); i++) {
            String name = path.name(i);
            node = node.compose(parent -> parent == null || !parent.isDirectory() ? Future.succeededFuture(null)
                    : one(CHILD, Tuple.of(volume, position, parent.id(), name)));
        }
        return node;
    }

    /** The entries of a directory as of {@code position}, by name. */
    public Future<List<Node>> children(String volume, long directoryId, long position) {
        return pool.preparedQuery(CHILDREN).execute(Tuple.of(volume, position, directoryId))
                .map(rows -> versions(rows).stream().map(NodeVersion::node).toList());
    }

    /** Every version of every node of the volume, by node and then position. */
    public Future<List<NodeVersion>> versions(String volume) {
        return pool.preparedQuery(ALL).execute(Tuple.of(volume)).map(TreeTables::versions);
    }

    private Future<Node> one(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(rows -> {
            List<NodeVersion> found = versions(rows);
            return found.isEmpty() ? null : found.getFirst().node();
        });
    }

    private static List<NodeVersion> versions(RowSet<Row> rows) {
        List<NodeVersion> versions = new ArrayList<>(rows.size());
        rows.forEach(row -> versions.add(new NodeVersion(node(row), row.getLong(13), row.getLong(14))));
        return versions;
    }

    private static Node node(Row row) {
        NodeKind kind = NodeKind.valueOf(row.getString(3).toUpperCase(Locale.ROOT));
        Content content = kind != NodeKind.FILE ? null
                : new Content(row.getLong(8), Sha256.parse(row.getString(9)), json(row.getString(10), BLOCKS));
        return new Node(row.getLong(0), row.getLong(1), row.getString(2), kind, row.getInteger(4), row.getString(5),
                row.getLong(6), row.getLong(7), content, row.getString(11), json(row.getString(12), PROPERTIES));
    }

    private static <T> T json(String text, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("node_versions holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
