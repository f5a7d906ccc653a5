package org.eventvfs.testkit;

import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.EventStoreProvider;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.spi.StreamHead;

/**
 * A real event store with faults injected on demand: the next append can be refused without
 * writing anything, or written and then reported as failed, as when an acknowledgement is lost.
 * Opened as {@code faulty:NAME} once {@link #wrap} has said which store NAME stands for.
 */
public final class FaultyEventStore implements EventStore {
    /** What the next append does. */
    public enum Fault {
        /** Fails without writing. */
        REFUSE,
        /** Writes durably, then fails. */
        LOSE_ANSWER
    }

    private static final Map<String, URI> WRAPPED = new ConcurrentHashMap<>();
    private static final Map<String, FaultyEventStore> OPENED = new ConcurrentHashMap<>();

    private final EventStore inner;
    private final AtomicReference<Fault> next = new AtomicReference<>();

    private FaultyEventStore(EventStore inner) {
        this.inner = inner;
    }

    /** Makes {@code faulty:NAME} open {@code inner}; answers that URI. */
    public static URI wrap(String name, URI inner) {
        WRAPPED.put(name, inner);
        return URI.create("faulty:" + name);
    }

    /** The store opened last under that name. */
    public static FaultyEventStore opened(String name) {
        return OPENED.get(name);
    }

    public void failNextAppend(Fault fault) {
        next.set(fault);
    }

    @Override
    public Future<Void> append(String stream, long expectedHead, List<EventBatch> batches) {
        Fault fault = next.getAndSet(null);
        if (fault == Fault.REFUSE) {
            return Future.failedFuture(new java.io.IOException("injected: the disk refused the write"));
        }
        Future<Void> appended = inner.append(stream, expectedHead, batches);
        if (fault == Fault.LOSE_ANSWER) {
            return appended.transform(ar -> Future.failedFuture(
                    new java.io.IOException("injected: the acknowledgement was lost")));
        }
        return appended;
    }

    @Override
    public Future<List<String>> streams() {
        return inner.streams();
    }

    @Override
    public Future<StreamHead> head(String stream) {
        return inner.head(stream);
    }

    @Override
    public Future<Long> size(String stream) {
        return inner.size(stream);
    }

    @Override
    public Future<List<EventEnvelope>> read(String stream, long fromPosition, int maxEvents) {
        return inner.read(stream, fromPosition, maxEvents);
    }

    @Override
    public Future<Void> close() {
        return inner.close();
    }

    /** The provider of {@code faulty:} URIs. */
    public static final class Provider implements EventStoreProvider {
        @Override
        public String scheme() {
            return "faulty";
        }

        @Override
        public Future<EventStore> open(URI uri, StorageContext context) {
            String name = uri.getSchemeSpecificPart();
            URI inner = WRAPPED.get(name);
            if (inner == null) {
                return Future.failedFuture(new IllegalArgumentException("no store wrapped as " + uri));
            }
            return Storage.openEventStore(inner, context).map(store -> {
                FaultyEventStore faulty = new FaultyEventStore(store);
                OPENED.put(name, faulty);
                return faulty;
            });
        }
    }
}
