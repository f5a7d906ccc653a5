package org.eventvfs.impl;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eventvfs.UndoPlan;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodePaths;
import org.eventvfs.domain.RestoreTarget;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
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

/**
 * Plans the reversal of one user's changes from a position on: reads the log from there, turns
 * each of the user's events into the paths it changed, and makes a {@link VolumeCommand.Restore}
 * of those paths to the position before. A path that someone else changed since (it, or anything
 * below it for a whole tree) is left alone and reported, so an undo never takes back another
 * user's work.
 */
final class UndoPlanner {
    private static final int PAGE = 10_000;

    private final Volume volume;
    private final TreeProjection projection;
    private final String user;
    private final long from;
    private final Set<RestoreTarget> targets = new LinkedHashSet<>();
    /**
     * Paths other users changed since {@code from}, each with the newest change, sorted so that
     * everything below a folder is one range: a conflict check costs a lookup, not a scan.
     */
    private final TreeMap<String, Touch> othersTouched = new TreeMap<>();

    private record Touch(String user, long position) {
    }

    private UndoPlanner(Volume volume, TreeProjection projection, String user, long from) {
        this.volume = volume;
        this.projection = projection;
        this.user = user;
        this.from = Math.max(from, 1);
    }

    static Future<UndoPlan> plan(Volume volume, TreeProjection projection, String user, long from) {
        UndoPlanner planner = new UndoPlanner(volume, projection, user, from);
        return planner.read(planner.from, projection.durablePosition()).map(v -> planner.result());
    }

    private Future<Void> read(long position, long head) {
        if (position > head) {
            return Future.succeededFuture();
        }
        return volume.events(position, (int) Math.min(PAGE, head - position + 1)).compose(page -> {
            if (page.isEmpty()) {
                return Future.succeededFuture();
            }
            page.forEach(this::record);
            return read(page.getLast().position() + 1, head);
        });
    }

    private void record(EventEnvelope e) {
        boolean mine = e.actor().user().equals(user);
        for (RestoreTarget touched : touched(e.position(), (VolumeEvent) e.payload())) {
            if (mine) {
                targets.add(touched);
            } else {
                othersTouched.put(touched.path().toString(), new Touch(e.actor().user(), e.position()));
            }
        }
    }

    /** The paths an event changed: the node alone, or a whole tree that appeared or went. */
    private List<RestoreTarget> touched(long position, VolumeEvent event) {
        TreeView at = projection.asOf(position);
        TreeView before = projection.asOf(position - 1);
        List<RestoreTarget> paths = new ArrayList<>(2);
        switch (event) {
            case DirectoryCreated e -> addTree(paths, NodePaths.of(at, e.parentId(), e.name()));
            case FileCreated e -> addTree(paths, NodePaths.of(at, e.parentId(), e.name()));
            case SymlinkCreated e -> addTree(paths, NodePaths.of(at, e.parentId(), e.name()));
            case TreeCopied e -> addTree(paths, NodePaths.of(at, e.nodeId()));
            case NodeRemoved e -> addTree(paths, NodePaths.of(before, e.parentId(), e.name()));
            case NodeMoved e -> {
                addTree(paths, NodePaths.of(before, e.fromParentId(), e.fromName()));
                addTree(paths, NodePaths.of(at, e.toParentId(), e.toName()));
            }
            case ContentCommitted e -> addNode(paths, NodePaths.of(at, e.nodeId()));
            case AttributesChanged e -> addNode(paths, NodePaths.of(at, e.nodeId()));
            case PropertiesChanged e -> addNode(paths, NodePaths.of(at, e.nodeId()));
            case VolumeEvent.UploadAborted e -> {
                // Changed nothing.
            }
            case VolumeEvent.TreeRestored e -> {
                // The events after it in the batch carry the changes.
            }
        }
        return paths;
    }

    private static void addTree(List<RestoreTarget> paths, VfsPath path) {
        if (path != null) {
            paths.add(RestoreTarget.tree(path));
        }
    }

    private static void addNode(List<RestoreTarget> paths, VfsPath path) {
        if (path != null) {
            paths.add(RestoreTarget.node(path));
        }
    }

    private UndoPlan result() {
        TreeView past = projection.asOf(from - 1);
        TreeView head = projection.head();
        List<RestoreTarget> kept = new ArrayList<>();
        List<UndoPlan.Skipped> skipped = new ArrayList<>();
        for (RestoreTarget target : RestoreTarget.outermost(List.copyOf(targets))) {
            String conflict = conflict(target, past, head);
            if (conflict == null) {
                kept.add(target);
            } else {
                skipped.add(new UndoPlan.Skipped(target.path(), conflict));
            }
        }
        return new UndoPlan(kept.isEmpty() ? null : new VolumeCommand.Restore(kept, from - 1,
                "undo " + user + " from @" + from), skipped);
    }

    /** Another user's change of the target's path, or (for a whole tree) of anything below it; or null. */
    private Touch touchedByOthers(RestoreTarget target) {
        String path = target.path().toString();
        Touch exact = othersTouched.get(path);
        if (exact != null || target.depth() == RestoreTarget.Depth.NODE) {
            return exact;
        }
        String below = target.path().isRoot() ? "/" : path + "/";
        Map.Entry<String, Touch> first = othersTouched.ceilingEntry(below);
        return first != null && first.getKey().startsWith(below) ? first.getValue() : null;
    }

    /** Why the target must be left alone, or null if it can be restored. */
    private String conflict(RestoreTarget target, TreeView past, TreeView head) {
        Touch touch = touchedByOthers(target);
        if (touch != null) {
            return "changed by " + touch.user() + " at @" + touch.position();
        }
        VfsPath path = target.path();
        Node folder = path.isRoot() ? null : head.lookup(path.parent());
        if (!path.isRoot() && past.lookup(path) != null && (folder == null || !folder.isDirectory())) {
            return "its folder " + path.parent() + " no longer exists";
        }
        return null;
    }
}
