package org.eventvfs.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Follows symbolic links as a chrooted process would: {@code root} is {@code /} for every
 * absolute target, and {@code ..} stops there, so no link leads outside it. Names past a missing
 * one are taken as they are.
 */
public final class LinkResolution {
    /** As Linux's MAXSYMLINKS: more hops than this is a loop. */
    public static final int MAX_HOPS = 40;

    private LinkResolution() {
    }

    /**
     * The path below {@code root} that {@code path} names, following links in every name but the
     * last, and in the last too if {@code followLast}. Throws Conflict after {@link #MAX_HOPS} links.
     */
    public static VfsPath resolve(TreeView tree, VfsPath root, VfsPath path, boolean followLast) {
        return resolve(tree, root, path.relativize(root).names(), followLast);
    }

    /**
     * As {@link #resolve(TreeView, VfsPath, VfsPath, boolean)} for the names of a client's path
     * below {@code root}, which may hold {@code .} and {@code ..}; {@code ..} at the root stays there.
     * Throws InvalidName if a name is not one, or the path grows too long.
     */
    public static VfsPath resolve(TreeView tree, VfsPath root, List<String> names, boolean followLast) {
        Deque<String> pending = new ArrayDeque<>(names);
        List<String> resolved = new ArrayList<>();
        int hops = 0;
        boolean missing = false;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            resolved.add(name);
            boolean last = pending.isEmpty();
            if (missing || last && !followLast) {
                continue;
            }
            Node node = tree.lookup(under(root, resolved));
            if (node == null) {
                missing = true;
            } else if (node.isSymlink()) {
                if (++hops > MAX_HOPS) {
                    throw new VfsException.Conflict("/" + String.join("/", names) + ": too many levels of symbolic links");
                }
                resolved.removeLast();
                if (node.target().startsWith("/")) {
                    resolved.clear();
                }
                String[] targetNames = node.target().split("/");
                for (int i = targetNames.length - 1; i >= 0; i--) {
                    if (!targetNames[i].isEmpty()) {
                        pending.addFirst(targetNames[i]);
                    }
                }
            }
        }
        return under(root, resolved);
    }

    private static VfsPath under(VfsPath root, List<String> names) {
        VfsPath path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }
}
