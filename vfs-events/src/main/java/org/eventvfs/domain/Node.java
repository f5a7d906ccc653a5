package org.eventvfs.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * A node as a projection knows it at one position: a directory, a file or a symbolic link. Its
 * id is stable across renames; times are epoch milliseconds.
 *
 * @param content a file's current revision, {@code null} for other kinds
 * @param target a symbolic link's target, {@code null} for other kinds
 * @param properties dead properties (WebDAV), by their qualified names
 */
public record Node(long id, long parentId, String name, NodeKind kind, int mode, String owner,
                   long created, long modified, Content content, String target,
                   Map<String, String> properties) {
    /** The id of every volume's root directory. */
    public static final long ROOT_ID = 1;
    /** Default mode of new directories: rwxr-xr-x. */
    public static final int DEFAULT_DIRECTORY_MODE = 0755;
    /** Default mode of new files: rw-r--r--. */
    public static final int DEFAULT_FILE_MODE = 0644;

    public Node {
        properties = properties == null || properties.isEmpty() ? Map.of() : Map.copyOf(properties);
    }

    @JsonIgnore
    public boolean isDirectory() {
        return kind == NodeKind.DIRECTORY;
    }

    @JsonIgnore
    public boolean isFile() {
        return kind == NodeKind.FILE;
    }

    @JsonIgnore
    public boolean isSymlink() {
        return kind == NodeKind.SYMLINK;
    }

    /** A file's size; 0 for a directory; the target's length for a link, as POSIX lstat does. */
    @JsonIgnore
    public long size() {
        return switch (kind) {
            case FILE -> content.size();
            case DIRECTORY -> 0;
            case SYMLINK -> target.length();
        };
    }

    public Node withPlace(long newParentId, String newName) {
        return new Node(id, newParentId, newName, kind, mode, owner, created, modified, content, target, properties);
    }

    public Node withContent(Content newContent, long time) {
        return new Node(id, parentId, name, kind, mode, owner, created, time, newContent, target, properties);
    }

    public Node withMode(int newMode) {
        return new Node(id, parentId, name, kind, newMode, owner, created, modified, content, target, properties);
    }

    public Node withOwner(String newOwner) {
        return new Node(id, parentId, name, kind, mode, newOwner, created, modified, content, target, properties);
    }

    public Node withModified(long time) {
        return new Node(id, parentId, name, kind, mode, owner, created, time, content, target, properties);
    }

    public Node withProperties(Map<String, String> newProperties) {
        return new Node(id, parentId, name, kind, mode, owner, created, modified, content, target, newProperties);
    }

    /** The root directory of a new volume. */
    public static Node root(long created) {
        return new Node(ROOT_ID, 0, "", NodeKind.DIRECTORY, DEFAULT_DIRECTORY_MODE, "root", created, created,
                null, null, Map.of());
    }
}
