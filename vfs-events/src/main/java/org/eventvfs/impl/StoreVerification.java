package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.BlockCheck;
import org.eventvfs.CheckpointCheck;
import org.eventvfs.CheckpointHead;
import org.eventvfs.Retention;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.ChainReport;
import org.eventvfs.spi.EventStore;

/**
 * What {@code vfs verify} and {@code vfs checkpoint} ask of the stores, whether a server has them
 * open or the command opened them itself to read only. Reads; never writes.
 */
public final class StoreVerification {
    private final Vertx vertx;
    private final EventStore events;
    private final BlobStore blobs;

    public StoreVerification(Vertx vertx, EventStore events, BlobStore blobs) {
        this.vertx = vertx;
        this.events = events;
        this.blobs = blobs;
    }

    /** The chain of every stream, in name order, one after the other (each is a full read). */
    public Future<List<ChainReport>> chains() {
        return events.streams().compose(streams -> {
            List<ChainReport> reports = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (String stream : streams.stream().sorted().toList()) {
                chain = chain.compose(done -> events.verifyChain(stream).map(report -> {
                    reports.add(report);
                    return null;
                }));
            }
            return chain.map(done -> reports);
        });
    }

    /** The head of every stream that holds an event, in name order. */
    public Future<List<CheckpointHead>> heads() {
        return events.streams().compose(streams -> {
            List<Future<CheckpointHead>> heads = streams.stream().sorted()
                    .map(stream -> events.head(stream).map(head -> new CheckpointHead(stream, head.position(),
                            head.hash())))
                    .toList();
            return Future.all(heads).map(all -> heads.stream().map(Future::result).toList());
        });
    }

    /** Whether each stream still holds its head in the checkpoint, one stream after the other. */
    public Future<List<CheckpointCheck>> checkpoint(List<CheckpointHead> heads) {
        List<CheckpointCheck> checks = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (CheckpointHead head : heads) {
            chain = chain.compose(done -> check(head).map(check -> {
                checks.add(check);
                return null;
            }));
        }
        return chain.map(done -> checks);
    }

    /** Reads back the blocks of every revision {@code retention} keeps at {@code now}. */
    public Future<BlockCheck> blocks(Retention retention, Instant now) {
        return new BlockVerifier(vertx, events, blobs, retention, now).verify();
    }

    private Future<CheckpointCheck> check(CheckpointHead head) {
        return events.verifyChain(head.stream()).compose(report -> {
            long position = head.position();
            if (report.firstBadPosition() != 0 && report.firstBadPosition() <= position) {
                return held(head, "the chain is broken at position " + report.firstBadPosition()
                        + ", before the checkpoint's position " + position + ": " + report.problem());
            }
            if (report.intactThrough() < position) {
                return held(head, "the log was cut off: it ends at position " + report.intactThrough()
                        + ", before the checkpoint's position " + position);
            }
            return events.read(head.stream(), position, 1).compose(found -> {
                if (found.isEmpty()) {
                    return held(head, "the event at position " + position + " cannot be read back");
                }
                Sha256 stored = found.getFirst().hash();
                return held(head, stored.equals(head.hash()) ? null : "the log was rewritten: the event at position "
                        + position + " has hash " + stored + ", not the checkpoint's " + head.hash());
            });
        });
    }

    private static Future<CheckpointCheck> held(CheckpointHead head, String problem) {
        return Future.succeededFuture(new CheckpointCheck(head, problem));
    }
}
