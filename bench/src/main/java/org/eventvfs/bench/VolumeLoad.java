package org.eventvfs.bench;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A server start as a client's first request sees it: {@code Vfs.open} and the first
 * {@code volume()} on the log of {@link ReplayThroughput}, either replaying all of it or starting
 * from the snapshot that closing the Vfs writes. Closing is outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class VolumeLoad {
    @Param({"log", "snapshot"})
    public String startFrom;

    private Vertx vertx;
    private Path data;
    private VfsOptions options;
    private Vfs vfs;

    @Setup(Level.Trial)
    public void findLog() {
        vertx = Vertx.vertx();
        data = ScratchDirectory.create("load");
        Path events = SealedLog.shared(vertx, new DeepTreeHistory(ReplayThroughput.NODES));
        options = VfsOptions.embedded(data).withEvents(SealedLog.uri(events, true));
    }

    @Setup(Level.Invocation)
    public void prepareStart() {
        if (startFrom.equals("log")) {
            ScratchDirectory.delete(data.resolve("snapshots"));
        } else if (!Files.isDirectory(data.resolve("snapshots"))) {
            open();
            vfs.close().await();
        }
    }

    @Benchmark
    public Volume open() {
        vfs = Vfs.open(vertx, options).await();
        return vfs.volume(SealedLog.VOLUME).await();
    }

    /** Closing writes a snapshot, which the next "snapshot" start reads and a "log" start deletes. */
    @TearDown(Level.Invocation)
    public void close() {
        vfs.close().await();
    }

    @TearDown(Level.Trial)
    public void deleteSnapshots() {
        vertx.close().await();
        ScratchDirectory.delete(data);
    }
}
