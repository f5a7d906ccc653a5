package org.eventvfs.bench;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeCommand.SetAttributes;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small commands per second through one volume's writer, with 64 callers each waiting for its
 * command to be durable (fsync'd group commit on the embedded log), as 64 SFTP sessions would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(WriterThroughput.CALLERS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class WriterThroughput {
    static final int CALLERS = 64;

    /**
     * One server: a Vfs on the embedded stores with their defaults. The parameters exist to take
     * the writer apart ({@code -p fsync=false}, {@code -p snapshotEvery=1000000000}); the summary
     * reports the defaults.
     */
    @State(Scope.Benchmark)
    public static class Server {
        @Param({"true"})
        public boolean fsync;
        @Param({"" + VfsOptions.DEFAULT_SNAPSHOT_EVERY})
        public long snapshotEvery;

        final AtomicInteger sessions = new AtomicInteger();
        Vertx vertx;
        Path data;
        Vfs vfs;
        Volume volume;

        @Setup(Level.Trial)
        public void open() {
            vertx = Vertx.vertx();
            data = ScratchDirectory.create("writer");
            VfsOptions options = VfsOptions.embedded(data).withSnapshotEvery(snapshotEvery);
            vfs = Vfs.open(vertx, fsync ? options : options.withEvents(SealedLog.uri(data.resolve("events"), false)))
                    .await();
            volume = vfs.volume(SealedLog.VOLUME).await();
        }

        @TearDown(Level.Trial)
        public void close() {
            vfs.close().await();
            vertx.close().await();
            ScratchDirectory.delete(data);
        }
    }

    /** One caller: its own session, directory and file, so its commands never conflict with others'. */
    @State(Scope.Thread)
    public static class Caller {
        Actor actor;
        VfsPath directory;
        VfsPath file;
        long created;
        long touched;

        @Setup(Level.Trial)
        public void start(Server server) {
            int session = server.sessions.incrementAndGet();
            actor = new Actor("user" + session, "sftp", "192.0.2." + session, "session-" + session, "OpenSSH_9.6");
            directory = VfsPath.root().resolve("caller-" + session);
            file = directory.resolve("touched");
            server.volume.execute(new CreateDirectory(directory, Node.DEFAULT_DIRECTORY_MODE), actor).await();
            server.volume.execute(new CreateFile(file, Node.DEFAULT_FILE_MODE, Overwrite.NEVER), actor).await();
        }
    }

    /** Creates a new empty file (O_EXCL): FileCreated, one event. */
    @Benchmark
    public Committed createFile(Server server, Caller caller) {
        VfsPath path = caller.directory.resolve("f" + caller.created++);
        return server.volume.execute(new CreateFile(path, Node.DEFAULT_FILE_MODE, Overwrite.NEVER), caller.actor)
                .await();
    }

    /** Sets the modification time of the caller's file: AttributesChanged, one event. */
    @Benchmark
    public Committed setAttributes(Server server, Caller caller) {
        return server.volume.execute(new SetAttributes(caller.file, null, null, ++caller.touched), caller.actor)
                .await();
    }
}
