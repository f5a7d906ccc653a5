package org.eventvfs.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeCommand.CommitContent;
import org.eventvfs.domain.VolumeCommand.Copy;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeCommand.CreateSymlink;
import org.eventvfs.domain.VolumeCommand.Move;
import org.eventvfs.domain.VolumeCommand.RecordAbortedUpload;
import org.eventvfs.domain.VolumeCommand.Remove;
import org.eventvfs.domain.VolumeCommand.Restore;
import org.eventvfs.domain.VolumeCommand.SetAttributes;
import org.eventvfs.domain.VolumeCommand.SetProperties;

/**
 * Refuses a command that would change what someone else's lock protects (RFC 4918 §7): the
 * locked node itself, the membership of a locked directory, or anything below a deep lock. A
 * lock counts as held when its token was submitted by the user who took it.
 */
final class LockGuard {
    private final LeaseTable locks;

    LockGuard(LeaseTable locks) {
        this.locks = locks;
    }

    void check(TreeView tree, VolumeCommand command, Actor actor, Set<String> tokens) {
        if (locks.isEmpty()) {
            return;
        }
        List<Lock> needed = switch (command) {
            case CreateDirectory c -> created(tree, c.path());
            case CreateSymlink c -> created(tree, c.path());
            case CreateFile c -> written(tree, c.path());
            case CommitContent c -> written(tree, c.path());
            case SetAttributes c -> locks.covering(c.path());
            case SetProperties c -> locks.covering(c.path());
            case RecordAbortedUpload c -> List.of();
            case Remove c -> removed(c.path());
            case Move c -> concat(removed(c.path()), replaced(tree, c.target()));
            case Copy c -> replaced(tree, c.target());
            case Restore c -> restored(c);
        };
        for (Lock lock : needed) {
            if (!tokens.contains(lock.token()) || !lock.user().equals(actor.user())) {
                throw new VfsException.Locked(command.path() + ": " + lock.root() + " is locked by " + lock.user());
            }
        }
    }

    private List<Lock> written(TreeView tree, VfsPath path) {
        return tree.lookup(path) != null ? locks.covering(path) : created(tree, path);
    }

    /** A new name in a directory changes the directory's membership, which its locks protect. */
    private List<Lock> created(TreeView tree, VfsPath path) {
        List<Lock> needed = new ArrayList<>(locks.covering(path));
        if (!path.isRoot()) {
            addMissing(needed, locks.covering(path.parent()));
        }
        return needed;
    }

    private List<Lock> removed(VfsPath path) {
        List<Lock> needed = new ArrayList<>(locks.covering(path));
        addMissing(needed, locks.within(path));
        if (!path.isRoot()) {
            addMissing(needed, locks.covering(path.parent()));
        }
        return needed;
    }

    private List<Lock> restored(Restore restore) {
        List<Lock> all = new ArrayList<>();
        restore.targets().forEach(target -> addMissing(all, removed(target.path())));
        return all;
    }

    private List<Lock> replaced(TreeView tree, VfsPath target) {
        return tree.lookup(target) != null ? removed(target) : created(tree, target);
    }

    private static List<Lock> concat(List<Lock> first, List<Lock> second) {
        List<Lock> all = new ArrayList<>(first);
        addMissing(all, second);
        return all;
    }

    private static void addMissing(List<Lock> into, List<Lock> more) {
        for (Lock lock : more) {
            if (!into.contains(lock)) {
                into.add(lock);
            }
        }
    }
}
