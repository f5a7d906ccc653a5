package org.eventvfs.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.eventvfs.Volume;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;

/**
 * A node as of a position and, for a directory, its children sorted by name: what
 * {@link Volume#stat} and {@link Volume#list} answer, in the audit's JSON shape.
 *
 * @param children null unless {@code node} is a directory
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TreeListing(String path, long position, String time, Entry node, List<Entry> children) {
    /** One node: times are ISO-8601 UTC, the mode octal; {@code sha256} for files, {@code target} for links. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String name, String path, String kind, long size, String mode, String owner,
                        String created, String modified, String sha256, String target) {
        static Entry of(VfsPath path, Node node) {
            return new Entry(node.name(), path.toString(), node.kind().name().toLowerCase(), node.size(),
                    String.format("%04o", node.mode()), node.owner(), Instant.ofEpochMilli(node.created()).toString(),
                    Instant.ofEpochMilli(node.modified()).toString(),
                    node.isFile() ? node.content().sha256().hex() : null, node.target());
        }
    }

    /** The node at {@code path} as of {@code asOf}; fails with NotFound if there is none. */
    public static Future<TreeListing> of(Volume volume, VfsPath path, long asOf) {
        long position = Math.min(asOf, volume.position());
        String time = position == 0 ? null : Instant.ofEpochMilli(volume.timeOf(position)).toString();
        return volume.stat(path, position).compose(node -> {
            Entry entry = Entry.of(path, node);
            if (!node.isDirectory()) {
                return Future.succeededFuture(new TreeListing(path.toString(), position, time, entry, null));
            }
            return volume.list(path, position).map(children -> new TreeListing(path.toString(), position, time, entry,
                    children.stream().map(child -> Entry.of(path.resolve(child.name()), child)).toList()));
        });
    }
}
