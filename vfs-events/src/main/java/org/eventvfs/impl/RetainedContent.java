package org.eventvfs.impl;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.domain.Sha256;

/**
 * Follows one volume's log to find the content a retention policy keeps: every file's current
 * content, and the content of each revision superseded (by newer content, or by the removal of
 * the file or a folder above it) at or after the cutoff. A null cutoff keeps every revision.
 * The switch over events names every type, so that a new event that gives a node content (or
 * takes it away) cannot be added without saying here what it means for retention: a missed one
 * would let the collector delete current content.
 */
final class RetainedContent {
    private final Instant cutoff;
    private final Map<Sha256, Integer> kept;
    /** The live files' content, and the tree, so that removing a folder supersedes all below it. */
    private final Map<Long, Content> current = new HashMap<>();
    private final Map<Long, Long> parents = new HashMap<>();
    private final Map<Long, Set<Long>> children = new HashMap<>();

    RetainedContent(Instant cutoff, Map<Sha256, Integer> kept) {
        this.cutoff = cutoff;
        this.kept = kept;
    }

    void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof VolumeEvent event)) {
            return;
        }
        Instant at = Instant.ofEpochMilli(envelope.timestamp());
        switch (event) {
            case VolumeEvent.DirectoryCreated e -> place(e.nodeId(), e.parentId());
            case VolumeEvent.SymlinkCreated e -> place(e.nodeId(), e.parentId());
            case VolumeEvent.FileCreated e -> place(e.nodeId(), e.parentId());
            case VolumeEvent.ContentCommitted e -> supersede(current.put(e.nodeId(), e.content()), at);
            case VolumeEvent.NodeMoved e -> {
                unplace(e.nodeId());
                place(e.nodeId(), e.toParentId());
            }
            case VolumeEvent.NodeRemoved e -> removeSubtree(e.nodeId(), at);
            case VolumeEvent.TreeCopied e -> e.nodes().forEach(this::copied);
            case VolumeEvent.AttributesChanged e -> {
                // Content unchanged.
            }
            case VolumeEvent.PropertiesChanged e -> {
                // Content unchanged.
            }
            case VolumeEvent.UploadAborted e -> {
                // Nothing was committed.
            }
            case VolumeEvent.TreeRestored e -> {
                // The events after it in the batch carry the content it brings back.
            }
        }
    }

    /** Ends the log: what is current now is kept. */
    void finish() {
        current.values().forEach(this::keep);
    }

    private void copied(Node node) {
        place(node.id(), node.parentId());
        if (node.content() != null) {
            current.put(node.id(), node.content());
        }
    }

    private void place(long node, long parent) {
        parents.put(node, parent);
        children.computeIfAbsent(parent, p -> new HashSet<>()).add(node);
    }

    private void unplace(long node) {
        Long parent = parents.remove(node);
        if (parent != null) {
            Set<Long> siblings = children.get(parent);
            if (siblings != null) {
                siblings.remove(node);
            }
        }
    }

    private void removeSubtree(long root, Instant at) {
        unplace(root);
        Deque<Long> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            long node = pending.pop();
            parents.remove(node);
            supersede(current.remove(node), at);
            Set<Long> below = children.remove(node);
            if (below != null) {
                below.forEach(pending::push);
            }
        }
    }

    private void supersede(Content content, Instant at) {
        if (content != null && (cutoff == null || !at.isBefore(cutoff))) {
            keep(content);
        }
    }

    private void keep(Content content) {
        if (content == null) {
            return;
        }
        for (BlockRef block : content.blocks()) {
            kept.put(block.hash(), block.size());
        }
    }
}
