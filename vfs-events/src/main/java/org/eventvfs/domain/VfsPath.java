package org.eventvfs.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An absolute, normalised path inside a volume. A value: it may name nothing, and it never
 * escapes the root, because {@code ..} is refused rather than resolved.
 */
public final class VfsPath implements Comparable<VfsPath> {
    private static final VfsPath ROOT = new VfsPath(new String[0]);

    private final String[] names;
    /** The UTF-8 length of {@link #toString()}, kept so a longer path is checked without building it. */
    private final int utf8Length;

    private VfsPath(String[] names) {
        this(names, utf8Length(names));
    }

    private VfsPath(String[] names, int utf8Length) {
        this.names = names;
        this.utf8Length = utf8Length;
    }

    private static int utf8Length(String[] names) {
        int length = names.length == 0 ? 1 : 0;
        for (String name : names) {
            length += 1 + Names.utf8Length(name);
        }
        return length;
    }

    /** The root of a volume. */
    public static VfsPath root() {
        return ROOT;
    }

    /**
     * Parses a client path. Repeated and trailing slashes and {@code .} segments are dropped; a
     * relative path is taken from the root; {@code ..}, NUL and overlong names or paths are refused
     * with {@link VfsException.InvalidName}.
     */
    public static VfsPath parse(String path) {
        if (path == null) {
            throw new VfsException.InvalidName("a path must not be null");
        }
        if (Names.utf8Length(path) > Names.MAX_PATH_BYTES) {
            throw new VfsException.InvalidName("a path must be at most " + Names.MAX_PATH_BYTES + " UTF-8 bytes");
        }
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new VfsException.InvalidName("'..' is not allowed in a path: " + Names.printable(path));
            }
            parts.add(Names.requireValid(segment));
        }
        return parts.isEmpty() ? ROOT : new VfsPath(parts.toArray(String[]::new));
    }

    /** This path with one more name; the name is validated. */
    public VfsPath resolve(String name) {
        Names.requireValid(name);
        return joined(new String[] {name}, 1 + Names.utf8Length(name));
    }

    /** This path followed by {@code relative}, whose names were already validated. */
    public VfsPath resolve(VfsPath relative) {
        return relative.names.length == 0 ? this : joined(relative.names, relative.utf8Length);
    }

    /** One array and one length check for the whole path, not one per name appended. */
    private VfsPath joined(String[] more, int moreUtf8Length) {
        int length = (names.length == 0 ? 0 : utf8Length) + moreUtf8Length;
        if (length > Names.MAX_PATH_BYTES) {
            throw new VfsException.InvalidName("a path must be at most " + Names.MAX_PATH_BYTES + " UTF-8 bytes");
        }
        String[] longer = Arrays.copyOf(names, names.length + more.length);
        System.arraycopy(more, 0, longer, names.length, more.length);
        return new VfsPath(longer, length);
    }

    /** The parent; the root is its own parent. */
    public VfsPath parent() {
        return names.length <= 1 ? ROOT : new VfsPath(Arrays.copyOf(names, names.length - 1));
    }

    /** The last name, or the empty string for the root. */
    public String fileName() {
        return names.length == 0 ? "" : names[names.length - 1];
    }

    public boolean isRoot() {
        return names.length == 0;
    }

    public int depth() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** True when {@code prefix} is this path or one of its ancestors. */
    public boolean startsWith(VfsPath prefix) {
        if (prefix.names.length > names.length) {
            return false;
        }
        for (int i = 0; i < prefix.names.length; i++) {
            if (!names[i].equals(prefix.names[i])) {
                return false;
            }
        }
        return true;
    }

    /** The part of this path below {@code prefix}, which must be an ancestor or this path. */
    public VfsPath relativize(VfsPath prefix) {
        if (!startsWith(prefix)) {
            throw new IllegalArgumentException(this + " is not under " + prefix);
        }
        return new VfsPath(Arrays.copyOfRange(names, prefix.names.length, names.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VfsPath other && Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public int compareTo(VfsPath o) {
        return Arrays.compare(names, o.names);
    }

    @Override
    public String toString() {
        return names.length == 0 ? "/" : "/" + String.join("/", names);
    }
}
