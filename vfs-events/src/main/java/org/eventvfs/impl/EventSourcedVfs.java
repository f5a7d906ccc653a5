package org.eventvfs.impl;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventvfs.Accounts;
import org.eventvfs.BlockCheck;
import org.eventvfs.CheckpointCheck;
import org.eventvfs.CheckpointHead;
import org.eventvfs.GcReport;
import org.eventvfs.LiveSessions;
import org.eventvfs.MeasuredBlobUsage;
import org.eventvfs.Retention;
import org.eventvfs.StreamStats;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.VfsStats;
import org.eventvfs.Volume;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountDecider;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.ChainReport;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.spi.StreamHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Vfs}: stores opened by URI, one writer and one in-memory projection per stream. */
public final class EventSourcedVfs implements Vfs {
    private static final Logger LOG = LoggerFactory.getLogger(EventSourcedVfs.class);

    private final Vertx vertx;
    private final VfsOptions options;
    private final EventStore events;
    /** Bytes of small blocks kept in memory for reads (SmallBlockCache): 512 files of 64 KiB. */
    private static final long SMALL_BLOCKS_CACHED = 32L << 20;
    /** How often the blob store may be walked to measure it, at most. */
    private static final Duration BLOB_USAGE_INTERVAL = Duration.ofMinutes(1);

    private final CollectionGuard guarded;
    private final SmallBlockCache blobs;
    private final VolumeSnapshots snapshots;
    private final ConcurrentHashMap<String, Future<ProjectedVolume>> volumes = new ConcurrentHashMap<>();
    private final AtomicBoolean collecting = new AtomicBoolean();
    /** Each loaded stream's writer, told when another process appends to its stream. */
    private final ConcurrentHashMap<String, StreamWriter<?, ?>> writers = new ConcurrentHashMap<>();
    private Accounts accounts;
    private final LiveSessions sessions;
    private final VfsStats stats;
    private final BlobUsageMeter blobUsage;
    /** The timer that samples the counters for their rates, once open. */
    private long sampling;

    private EventSourcedVfs(Vertx vertx, VfsOptions options, EventStore events, BlobStore blobs) {
        this.vertx = vertx;
        this.options = options;
        this.events = events;
        this.guarded = new CollectionGuard(blobs);
        this.blobs = new SmallBlockCache(guarded, SMALL_BLOCKS_CACHED);
        this.snapshots = new VolumeSnapshots(vertx, options.dataDirectory().resolve("snapshots"),
                options.snapshotEvery());
        this.sessions = new LiveSessions(options.clock());
        this.stats = new VfsStats(sessions);
        this.blobUsage = new BlobUsageMeter(guarded::usage, BLOB_USAGE_INTERVAL, options.clock());
    }

    public static Future<Vfs> open(Vertx vertx, VfsOptions options) {
        registerCodec(vertx);
        StorageContext context = new StorageContext(vertx, options.dataDirectory());
        return Storage.openEventStore(options.events(), context).compose(events ->
                Storage.openBlobStore(options.blobs(), context)
                        .recover(failure -> events.close().transform(ignored -> Future.failedFuture(failure)))
                        .compose(blobs -> {
                            EventSourcedVfs vfs = new EventSourcedVfs(vertx, options, events, blobs);
                            return vfs.loadAccounts().compose(v -> events.watch(vfs::moved)).map(v -> vfs.sampling())
                                    .recover(failure -> vfs.closeStores()
                                            .transform(ignored -> Future.failedFuture(failure)));
                        }));
    }

    /** Starts sampling the counters every second, for their rates. */
    private Vfs sampling() {
        sampling = vertx.setPeriodic(1000, id -> stats.sample());
        return this;
    }

    @Override
    public Future<Volume> volume(String name) {
        try {
            AccountDecider.requireVolumeName(name);
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        Future<ProjectedVolume> loading = volumes.computeIfAbsent(name, this::load);
        if (loading.succeeded()) {
            // Not through the loading future: its callbacks run on the context that loaded the
            // volume, a trip to another event loop and back for every request of every protocol.
            return Future.succeededFuture(loading.result());
        }
        loading.onFailure(e -> volumes.remove(name, loading));
        return loading.map(v -> v);
    }

    @Override
    public Future<List<String>> volumes() {
        return events.streams().map(all -> all.stream().filter(s -> !s.startsWith("@")).sorted().toList());
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    /** One collection at a time: two would clear each other's marks in the {@link CollectionGuard}. */
    @Override
    public Future<GcReport> collectGarbage(Duration grace, Retention retention, boolean dryRun) {
        if (grace.isNegative()) {
            return Future.failedFuture(new IllegalArgumentException("the grace period cannot be negative: " + grace));
        }
        if (!collecting.compareAndSet(false, true)) {
            return Future.failedFuture(new VfsException.Conflict("a garbage collection is already running"));
        }
        Instant now = Instant.ofEpochMilli(options.clock().getAsLong());
        return new BlockCollector(events, guarded, blobs::evict).collect(now, grace, retention, dryRun)
                .eventually(() -> {
                    collecting.set(false);
                    return Future.succeededFuture();
                });
    }

    @Override
    public Future<BlockCheck> verifyBlocks(Retention retention) {
        return verification().blocks(retention, Instant.ofEpochMilli(options.clock().getAsLong()));
    }

    @Override
    public Future<List<ChainReport>> verifyChains() {
        return verification().chains();
    }

    @Override
    public Future<List<CheckpointHead>> heads() {
        return verification().heads();
    }

    @Override
    public Future<List<CheckpointCheck>> verifyCheckpoint(List<CheckpointHead> heads) {
        return verification().checkpoint(heads);
    }

    /** Reads the stores themselves: the guard, never the cache, so a damaged block shows. */
    private StoreVerification verification() {
        return new StoreVerification(vertx, events, guarded);
    }

    @Override
    public VfsStats stats() {
        return stats;
    }

    /** Reads each stream's head and size from the store; a volume not loaded stays unloaded. */
    @Override
    public Future<List<StreamStats>> streamStats() {
        return events.streams().compose(streams -> {
            List<Future<StreamStats>> all = streams.stream().sorted().map(this::streamStats).toList();
            return Future.all(all).map(done -> all.stream().map(Future::result).toList());
        });
    }

    /**
     * The writer's head is read after the store's: an append of this server's in between would put
     * the writer ahead, which counts as no lag.
     */
    private Future<StreamStats> streamStats(String stream) {
        Future<StreamHead> head = events.head(stream);
        Future<Long> size = events.size(stream);
        return Future.all(head, size).map(both -> {
            StreamWriter<?, ?> writer = writers.get(stream);
            long position = head.result().position();
            Long lag = writer == null ? null : Math.max(0, position - writer.durableHead().position());
            return new StreamStats(stream, position, size.result(), lag);
        });
    }

    @Override
    public MeasuredBlobUsage blobUsage() {
        return blobUsage.latest();
    }

    @Override
    public LiveSessions sessions() {
        return sessions;
    }

    @Override
    public Future<Void> close() {
        vertx.cancelTimer(sampling);
        List<Future<Void>> written = new ArrayList<>();
        volumes.values().forEach(loading -> written.add(loading.compose(ProjectedVolume::snapshot)
                .recover(e -> Future.succeededFuture())));
        return Future.join(written).transform(ignored -> {
            writers.values().forEach(StreamWriter::stop);
            return closeStores();
        });
    }

    /** Another process appended to {@code stream} (any stream if null), up to {@code position}. */
    private void moved(String stream, long position) {
        if (stream == null) {
            writers.values().forEach(writer -> writer.follow(-1));
            return;
        }
        StreamWriter<?, ?> writer = writers.get(stream);
        if (writer != null) {
            writer.follow(position);
        }
    }

    private Future<Void> closeStores() {
        return Future.join(events.close(), blobs.close()).mapEmpty();
    }

    private Future<ProjectedVolume> load(String name) {
        long started = System.nanoTime();
        return snapshots.latest(name)
                .compose(snapshot -> startingPoint(name, snapshot))
                .compose(start -> StreamReplay.replay(events, name, start.head, page -> {
                    for (EventEnvelope e : page) {
                        start.projection.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
                        start.window.record(e.commandId(), e.position());
                    }
                    start.projection.markDurable(page.getLast().position());
                }).compose(head -> newContext().map(context -> {
                    var locks = new LeaseTable(options.clock());
                    var writer = new StreamWriter<GuardedCommand, VolumeEvent>(name, events,
                            new VolumeModel(start.projection, new LockGuard(locks)), context, vertx.eventBus(),
                            options.clock(), start.window, head, stats);
                    writers.put(name, writer);
                    LOG.info("volume {} loaded at position {} in {} ms", name, head.position(),
                            (System.nanoTime() - started) / 1_000_000);
                    return new ProjectedVolume(name, start.projection, writer, locks, events,
                            new MeteredBlobStore(blobs, stats), vertx, options, snapshots, stats);
                })));
    }

    /** The snapshot to start from if the log still agrees with it, else an empty projection. */
    private Future<Start> startingPoint(String name, ProjectionSnapshot.Loaded snapshot) {
        if (snapshot == null) {
            return Future.succeededFuture(Start.empty());
        }
        StreamHead at = snapshot.header().head();
        return events.read(name, at.position(), 1).map(found -> {
            if (found.size() == 1 && at.hash().equals(found.getFirst().hash())) {
                CommandWindow window = new CommandWindow(CommandWindow.DEFAULT_CAPACITY);
                snapshot.commands().forEach(window::record);
                return new Start(snapshot.projection(), window, at);
            }
            LOG.warn("snapshot of volume {} at position {} does not match the log; replaying from the start",
                    name, at.position());
            return Start.empty();
        });
    }

    private Future<Void> loadAccounts() {
        AccountProjection projection = new AccountProjection(new SessionLockout(sessions));
        CommandWindow window = new CommandWindow(CommandWindow.DEFAULT_CAPACITY);
        return StreamReplay.replay(events, EventEnvelope.ACCOUNTS, StreamHead.EMPTY, page -> {
            for (EventEnvelope e : page) {
                projection.apply(e.position(), e.timestamp(), (AccountEvent) e.payload());
                window.record(e.commandId(), e.position());
            }
            projection.markDurable(page.getLast().position());
        }).compose(head -> newContext().map(context -> {
            var writer = new StreamWriter<AccountCommand, AccountEvent>(EventEnvelope.ACCOUNTS, events, projection,
                    context, vertx.eventBus(), options.clock(), window, head, stats);
            writers.put(EventEnvelope.ACCOUNTS, writer);
            accounts = new StreamAccounts(vertx, projection, writer, events, stats);
            return null;
        }));
    }

    /** A new event-loop context, so each stream's writer has its own ordered executor. */
    private Future<Context> newContext() {
        ContextHolder holder = new ContextHolder();
        return vertx.deployVerticle(holder).map(id -> holder.context());
    }

    private static void registerCodec(Vertx vertx) {
        try {
            vertx.eventBus().registerDefaultCodec(EventEnvelope.class, new LocalOnlyCodec<>(EventEnvelope.class));
        } catch (IllegalStateException alreadyRegistered) {
            LOG.debug("event codec already registered on this Vert.x instance");
        }
    }

    private record Start(TreeProjection projection, CommandWindow window, StreamHead head) {
        static Start empty() {
            return new Start(new TreeProjection(), new CommandWindow(CommandWindow.DEFAULT_CAPACITY),
                    StreamHead.EMPTY);
        }
    }

    private static final class ContextHolder extends AbstractVerticle {
        Context context() {
            return context;
        }
    }
}
