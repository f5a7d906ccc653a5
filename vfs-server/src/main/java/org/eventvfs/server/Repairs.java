package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.audit.PointInTime;
import org.eventvfs.audit.TimeSpan;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.RestoreTarget;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * {@code vfs restore} and {@code vfs undo}: each plans a {@link VolumeCommand.Restore}, shows it,
 * and (unless a dry run) applies it as one new command. The same code runs on the stores directly
 * and behind the admin socket, whose requests and reports these records are.
 */
final class Repairs {
    static final String RESTORE = "/v1/restore";
    static final String UNDO = "/v1/undo";

    private Repairs() {
    }

    /** @param at a time or {@code @position}, as the history folder's names */
    record RestoreRequest(String volume, String path, String at, boolean dryRun) {
    }

    /** @param since a time or {@code @position}: the first change undone is the first at or after it */
    record UndoRequest(String volume, String user, String since, boolean dryRun) {
    }

    /**
     * @param plan what the restore does, one line each
     * @param skipped what an undo leaves alone, and why
     * @param firstPosition the first position the restore was appended at; 0 for a dry run or no change
     */
    record RepairReport(List<String> plan, List<String> skipped, boolean dryRun, long firstPosition,
                        long lastPosition) {
        List<String> lines() {
            List<String> lines = new java.util.ArrayList<>(plan);
            skipped.forEach(s -> lines.add("left alone " + s));
            if (plan.isEmpty()) {
                lines.add("nothing to change");
            } else if (dryRun) {
                lines.add("dry run: nothing changed");
            } else {
                lines.add("done: positions " + firstPosition + " to " + lastPosition);
            }
            return lines;
        }
    }

    static Future<RepairReport> restore(Vfs vfs, RestoreRequest request, Actor actor) {
        VfsPath path = VfsPath.parse(request.path());
        return existingVolume(vfs, request.volume()).compose(volume -> {
            long at = PointInTime.position(volume, "--at", request.at(), System.currentTimeMillis());
            var restore = new VolumeCommand.Restore(List.of(RestoreTarget.tree(path)), at,
                    "restore " + path + " to @" + at);
            return apply(volume, restore, List.of(), request.dryRun(), actor);
        });
    }

    static Future<RepairReport> undo(Vfs vfs, UndoRequest request, Actor actor) {
        return existingVolume(vfs, request.volume()).compose(volume -> {
            long from = firstPositionFrom(volume, request.since());
            return volume.planUndo(request.user(), from).compose(plan -> {
                List<String> skipped = plan.skipped().stream().map(s -> s.path() + ": " + s.reason()).toList();
                if (plan.restore() == null) {
                    return Future.succeededFuture(new RepairReport(List.of(), skipped, request.dryRun(), 0, 0));
                }
                return apply(volume, plan.restore(), skipped, request.dryRun(), actor);
            });
        });
    }

    private static Future<RepairReport> apply(Volume volume, VolumeCommand.Restore restore, List<String> skipped,
                                              boolean dryRun, Actor actor) {
        return volume.plan(restore, actor).map(events -> RestorePlanLines.of(volume, events)).compose(plan -> {
            if (dryRun || plan.isEmpty()) {
                return Future.succeededFuture(new RepairReport(plan, skipped, dryRun, 0, 0));
            }
            return volume.execute(restore, actor).map(c -> new RepairReport(plan, skipped, false,
                    c.firstPosition(), c.lastPosition()));
        });
    }

    private static Future<Volume> existingVolume(Vfs vfs, String name) {
        return vfs.volumes().compose(names -> names.contains(name) ? vfs.volume(name)
                : Future.failedFuture(new VfsException.NotFound("no volume " + name)));
    }

    /** The first position at or after {@code since}: {@code @position}, or a time (a date: its start; 2h: ago). */
    static long firstPositionFrom(Volume volume, String since) {
        if (since.startsWith("@")) {
            long position = PointInTime.position(volume, "--since", since, 0);
            return Math.max(position, 1);
        }
        long start = TimeSpan.parse("--since", since, System.currentTimeMillis()).start();
        return volume.positionAt(start - 1) + 1;
    }
}
