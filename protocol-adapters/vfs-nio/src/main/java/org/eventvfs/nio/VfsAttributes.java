package org.eventvfs.nio;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eventvfs.domain.Node;

/** A node's attributes as java.nio.file sees them. Access time is not tracked: it reads as modified. */
record VfsAttributes(Node node) implements PosixFileAttributes {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                result.add(BITS[bit]);
            }
        }
        return result;
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int bit = 0; bit < BITS.length; bit++) {
            if (permissions.contains(BITS[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }

    @Override
    public UserPrincipal owner() {
        return new Principals.User(node.owner());
    }

    @Override
    public GroupPrincipal group() {
        return new Principals.Group(node.owner());
    }

    @Override
    public Set<PosixFilePermission> permissions() {
        return permissions(node.mode());
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.fromMillis(node.modified());
    }

    @Override
    public FileTime lastAccessTime() {
        return lastModifiedTime();
    }

    @Override
    public FileTime creationTime() {
        return FileTime.fromMillis(node.created());
    }

    @Override
    public boolean isRegularFile() {
        return node.isFile();
    }

    @Override
    public boolean isDirectory() {
        return node.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return node.isSymlink();
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public long size() {
        return node.size();
    }

    @Override
    public Object fileKey() {
        return node.id();
    }

    /** The named attributes of one view ("basic", "posix" or "owner"), or all of them for "*". */
    Map<String, Object> asMap(String view, String names) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (!view.equals("owner")) {
            all.put("lastModifiedTime", lastModifiedTime());
            all.put("lastAccessTime", lastAccessTime());
            all.put("creationTime", creationTime());
            all.put("size", size());
            all.put("isRegularFile", isRegularFile());
            all.put("isDirectory", isDirectory());
            all.put("isSymbolicLink", isSymbolicLink());
            all.put("isOther", isOther());
            all.put("fileKey", fileKey());
        }
        if (!view.equals("basic")) {
            all.put("owner", owner());
        }
        if (view.equals("posix")) {
            all.put("group", group());
            all.put("permissions", permissions());
        }
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no attribute '" + name + "' in view '" + view + "'");
            }
            chosen.put(name, all.get(name));
        }
        return chosen;
    }
}
