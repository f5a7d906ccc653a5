package org.eventvfs.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A path a {@link VolumeCommand.Restore} puts back as it was.
 *
 * @param depth {@link Depth#TREE} for the node and everything below it, {@link Depth#NODE} for
 *              the node alone (its content and attributes), which becomes TREE when the node is
 *              missing on one side or changed kind
 */
public record RestoreTarget(VfsPath path, Depth depth) {
    public enum Depth {
        TREE,
        NODE
    }

    public static RestoreTarget tree(VfsPath path) {
        return new RestoreTarget(path, Depth.TREE);
    }

    public static RestoreTarget node(VfsPath path) {
        return new RestoreTarget(path, Depth.NODE);
    }

    /** The targets without those a TREE target already covers, each path once (TREE over NODE). */
    public static List<RestoreTarget> outermost(List<RestoreTarget> targets) {
        Map<VfsPath, RestoreTarget> byPath = new HashMap<>();
        for (RestoreTarget t : targets) {
            byPath.merge(t.path(), t, (a, b) -> a.depth() == RestoreTarget.Depth.TREE ? a : b);
        }
        List<RestoreTarget> kept = new ArrayList<>();
        for (RestoreTarget t : targets) {
            if (byPath.get(t.path()) == t && !coveredByAnother(t, byPath.values())) {
                kept.add(t);
            }
        }
        return kept;
    }

    private static boolean coveredByAnother(RestoreTarget target, Iterable<RestoreTarget> all) {
        for (RestoreTarget other : all) {
            if (other.depth() == RestoreTarget.Depth.TREE && !other.path().equals(target.path())
                    && target.path().startsWith(other.path())) {
                return true;
            }
        }
        return false;
    }
}
