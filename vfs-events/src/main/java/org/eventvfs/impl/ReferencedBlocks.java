package org.eventvfs.impl;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * Every block that some event of some stream references, with its length: what the garbage
 * collector keeps and {@code vfs verify --blobs} checks. Every revision in the log is retained,
 * so a block referenced by any event, however old, stays.
 */
final class ReferencedBlocks {
    private ReferencedBlocks() {
    }

    /** Reads every stream to its current end. */
    static Future<Map<Sha256, Integer>> read(EventStore events) {
        Map<Sha256, Integer> blocks = new HashMap<>();
        return events.streams().compose(streams -> {
            Future<StreamHead> chain = Future.succeededFuture();
            for (String stream : streams) {
                chain = chain.compose(done -> StreamReplay.replay(events, stream, StreamHead.EMPTY,
                        page -> collect(page, blocks)));
            }
            return chain.map(done -> blocks);
        });
    }

    private static void collect(List<EventEnvelope> page, Map<Sha256, Integer> blocks) {
        for (EventEnvelope envelope : page) {
            switch (envelope.payload()) {
                case VolumeEvent.ContentCommitted committed -> add(committed.content(), blocks);
                case VolumeEvent.TreeCopied copied -> copied.nodes().stream().map(Node::content)
                        .forEach(content -> add(content, blocks));
                default -> {
                }
            }
        }
    }

    private static void add(Content content, Map<Sha256, Integer> blocks) {
        if (content == null) {
            return;
        }
        for (BlockRef block : content.blocks()) {
            blocks.put(block.hash(), block.size());
        }
    }
}
