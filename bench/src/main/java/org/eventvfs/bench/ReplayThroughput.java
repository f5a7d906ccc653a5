package org.eventvfs.bench;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.TreeProjection;
import org.eventvfs.spi.EventStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replays a log of about a million events ({@link #EVENTS}) from the embedded store into a new
 * projection, page by page as a volume load does; {@link #readLog} reads and decodes the same
 * pages without applying them, so the difference is the projection's share. Events per second
 * is {@link #EVENTS} divided by the time of one operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ReplayThroughput {
    /** Nodes of the replayed tree: with its later changes, 1,027,515 events. */
    static final int NODES = 700_000;
    static final long EVENTS = 1_027_515;
    /** The page a volume load reads at a time (StreamReplay.PAGE). */
    static final int PAGE = 10_000;

    private Vertx vertx;
    private EventStore store;

    @Setup(Level.Trial)
    public void openLog() {
        vertx = Vertx.vertx();
        store = SealedLog.open(vertx, SealedLog.shared(vertx, new DeepTreeHistory(NODES)), true);
    }

    @TearDown(Level.Trial)
    public void closeLog() {
        store.close().await();
        vertx.close().await();
    }

    @Benchmark
    public TreeProjection replay() {
        TreeProjection projection = new TreeProjection();
        long next = 1;
        for (List<EventEnvelope> page; !(page = store.read(SealedLog.VOLUME, next, PAGE).await()).isEmpty(); ) {
            for (EventEnvelope e : page) {
                projection.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
            }
            next = page.getLast().position() + 1;
            projection.markDurable(next - 1);
        }
        requireAll(next - 1);
        return projection;
    }

    @Benchmark
    @Measurement(iterations = 2)
    public void readLog(Blackhole sink) {
        long next = 1;
        for (List<EventEnvelope> page; !(page = store.read(SealedLog.VOLUME, next, PAGE).await()).isEmpty(); ) {
            sink.consume(page);
            next = page.getLast().position() + 1;
        }
        requireAll(next - 1);
    }

    private static void requireAll(long last) {
        if (last != EVENTS) {
            throw new IllegalStateException("replayed " + last + " events, not " + EVENTS);
        }
    }
}
