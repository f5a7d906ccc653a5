package org.eventvfs.impl;

import java.util.List;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Decider;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VolumeEvent;

/**
 * A volume's writer model: the lock check and the pure {@link Decider} over the projection's
 * speculative head, both on the writer's context so no lock can be taken between them.
 */
record VolumeModel(TreeProjection projection, LockGuard locks) implements StreamModel<GuardedCommand, VolumeEvent> {
    @Override
    public List<VolumeEvent> decide(GuardedCommand guarded, Actor actor, long now) {
        TreeView tree = projection.speculativeHead();
        locks.check(tree, guarded.command(), actor, guarded.lockTokens());
        return Decider.decide(tree, guarded.command(), actor, now);
    }

    @Override
    public void apply(long position, long time, VolumeEvent event) {
        projection.apply(position, time, event);
    }

    @Override
    public void markDurable(long position) {
        projection.markDurable(position);
    }

    @Override
    public void rollback() {
        projection.rollback();
    }
}
