package org.eventvfs.impl;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eventvfs.Retention;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * Every block that a retained revision of some stream references, with its length: what the
 * garbage collector keeps and {@code vfs verify} checks. Without a policy every revision in the
 * log is retained, so a block referenced by any event, however old, stays; with one, see
 * {@link RetainedContent}.
 */
final class ReferencedBlocks {
    private ReferencedBlocks() {
    }

    /** Reads every stream to its current end; {@code now} places the policy's cutoff. */
    static Future<Map<Sha256, Integer>> read(EventStore events, Retention retention, Instant now) {
        Map<Sha256, Integer> blocks = new HashMap<>();
        Instant cutoff = retention.cutoff(now);
        return events.streams().compose(streams -> {
            Future<StreamHead> chain = Future.succeededFuture();
            for (String stream : streams) {
                RetainedContent retained = new RetainedContent(cutoff, blocks);
                chain = chain.compose(done -> StreamReplay.replay(events, stream, StreamHead.EMPTY, page -> {
                    for (EventEnvelope envelope : page) {
                        retained.apply(envelope);
                    }
                }).onSuccess(head -> retained.finish()));
            }
            return chain.map(done -> blocks);
        });
    }
}
