package org.eventvfs.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;

/**
 * A {@link DeepTreeHistory} in the embedded event store, as a writer would have left it: one
 * sealed, hash-chained event per command, so one frame per event. It is written straight through
 * the {@link EventStore} SPI in large appends without fsync, in seconds rather than the minutes a
 * writer would need, and once per benchmark jar: later forks reuse it.
 */
final class SealedLog {
    static final String VOLUME = "bench";
    private static final Actor ACTOR = new Actor("alice", "sftp", "192.0.2.10", "session-1", "OpenSSH_9.6");
    private static final int BATCHES_PER_APPEND = 10_000;
    private static final String COMPLETE = "complete";

    private SealedLog() {
    }

    /** The events folder of a log of {@code history}, written if this jar has not written it yet. */
    static Path shared(Vertx vertx, DeepTreeHistory history) {
        Path folder = ScratchDirectory.root().resolve("log-" + history.nodes() + "-" + jarStamp());
        Path events = folder.resolve("events");
        if (!Files.exists(folder.resolve(COMPLETE))) {
            ScratchDirectory.delete(folder);
            write(vertx, events, history);
            try {
                Files.createFile(folder.resolve(COMPLETE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    /** A {@code file:} URI for the event store in {@code events}. */
    static URI uri(Path events, boolean fsync) {
        try {
            return new URI("file", null, events.toAbsolutePath().toString(), fsync ? null : "fsync=false", null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(events + " makes no file: URI", e);
        }
    }

    static EventStore open(Vertx vertx, Path events, boolean fsync) {
        return Storage.openEventStore(uri(events, fsync), new StorageContext(vertx, events.getParent())).await();
    }

    private static void write(Vertx vertx, Path events, DeepTreeHistory history) {
        EventStore store = open(vertx, events, false);
        try {
            Appender appender = new Appender(store);
            history.replay(appender::add);
            appender.flush();
        } finally {
            store.close().await();
        }
    }

    /** When the code that wrote a log was built: a rebuilt jar may write the log differently. */
    private static long jarStamp() {
        try {
            Path code = Path.of(SealedLog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot tell when the benchmarks were built", e);
        }
    }

    private static final class Appender {
        private final EventStore store;
        private final List<EventBatch> pending = new ArrayList<>(BATCHES_PER_APPEND);
        private long appended;
        private long position;
        private Sha256 hash = EventEnvelope.GENESIS;

        Appender(EventStore store) {
            this.store = store;
        }

        void add(long eventPosition, VolumeEvent event) {
            UUID command = UUID.randomUUID();
            EventEnvelope sealed = EventCodec.seal(VOLUME, eventPosition, command, 1_763_712_000_000L + eventPosition,
                    ACTOR, hash, event);
            pending.add(new EventBatch(command, List.of(sealed)));
            position = eventPosition;
            hash = sealed.hash();
            if (pending.size() == BATCHES_PER_APPEND) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                store.append(VOLUME, appended, pending).await();
                appended = position;
                pending.clear();
            }
        }
    }
}
