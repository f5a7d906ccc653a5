package org.eventvfs.impl;

import java.util.List;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Decider;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;

/** A volume's writer model: the pure {@link Decider} over the projection's speculative head. */
record VolumeModel(TreeProjection projection) implements StreamModel<VolumeCommand, VolumeEvent> {
    @Override
    public List<VolumeEvent> decide(VolumeCommand command, Actor actor, long now) {
        return Decider.decide(projection.speculativeHead(), command, actor, now);
    }

    @Override
    public void apply(long position, VolumeEvent event) {
        projection.apply(position, event);
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
