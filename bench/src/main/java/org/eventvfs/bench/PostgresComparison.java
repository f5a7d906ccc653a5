package org.eventvfs.bench;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.TreeProjection;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.storage.postgres.PgEventStore;
import org.eventvfs.storage.postgres.TreeTables;

/**
 * The embedded store and PostgreSQL side by side, in one run: small commands per second through
 * the writer with 64 callers, lookup latency at the head and as of a past position, and the rate
 * of a replay of the log. On PostgreSQL the lookups are the SQL of the tree tables (the server
 * itself answers from memory, as on the embedded store). A plain main class: `bench/run postgresql`.
 */
public final class PostgresComparison {
    private static final String VOLUME = "bench";
    private static final int CALLERS = 64;
    private static final long WARMUP_MILLIS = 3_000;
    private static final long MEASURE_MILLIS = 10_000;
    private static final int LOOKUPS = 2_000;

    private PostgresComparison() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(System.getenv().getOrDefault("BENCH_PG_URL",
                "postgresql://postgres@127.0.0.1:5432/postgres"));
        String database = "eventvfs_bench_" + ProcessHandle.current().pid();
        Path data = ScratchDirectory.create("postgresql");
        sql(server, "CREATE DATABASE " + database);
        try {
            URI events = URI.create("postgresql://" + server.getUserInfo() + "@" + server.getHost() + ":"
                    + server.getPort() + "/" + database);
            System.out.printf("%-10s %14s %14s %14s %16s%n", "store", "commands/s", "lookup p50 µs",
                    "as-of p50 µs", "replay events/s");
            run("embedded", VfsOptions.embedded(data.resolve("embedded")));
            run("postgresql", VfsOptions.embedded(data.resolve("postgresql")).withEvents(events));
        } finally {
            sql(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            ScratchDirectory.delete(data);
        }
    }

    private static void run(String name, VfsOptions options) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        try {
            Vfs vfs = Vfs.open(vertx, options).await();
            Volume volume = vfs.volume(VOLUME).await();
            double commands = writerThroughput(volume);
            long past = volume.position() / 2;
            List<VfsPath> paths = existingPaths(volume, past);
            vfs.close().await();
            EventStore store = Storage.openEventStore(options.events(),
                    new StorageContext(vertx, options.dataDirectory())).await();
            double head = lookupMicros(store, options, paths, Long.MAX_VALUE, vertx);
            double asOf = lookupMicros(store, options, paths, past, vertx);
            double replay = replayRate(store);
            store.close().await();
            System.out.printf("%-10s %,14.0f %14.1f %14.1f %,16.0f%n", name, commands, head, asOf, replay);
        } finally {
            vertx.close().await();
        }
    }

    /** 64 callers, each creating files in a directory of its own and waiting for each to be durable. */
    private static double writerThroughput(Volume volume) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            Actor actor = new Actor("user" + c, "sftp", "192.0.2.1", "s-" + c, null);
            VfsPath directory = VfsPath.root().resolve("caller-" + c);
            volume.execute(new CreateDirectory(directory, Node.DEFAULT_DIRECTORY_MODE), actor).await();
            callers.add(Thread.ofVirtual().start(() -> {
                for (long i = 0; !stop.get(); i++) {
                    volume.execute(new CreateFile(directory.resolve("f" + i), Node.DEFAULT_FILE_MODE,
                            Overwrite.NEVER), actor).await();
                    done.increment();
                }
            }));
        }
        Thread.sleep(WARMUP_MILLIS);
        long before = done.sum();
        long started = System.nanoTime();
        Thread.sleep(MEASURE_MILLIS);
        double rate = (done.sum() - before) / ((System.nanoTime() - started) / 1e9);
        stop.set(true);
        for (Thread caller : callers) {
            caller.join();
        }
        return rate;
    }

    private static List<VfsPath> existingPaths(Volume volume, long position) {
        List<VfsPath> paths = new ArrayList<>();
        for (Node directory : volume.list(VfsPath.root(), position).await()) {
            for (Node file : volume.list(VfsPath.root().resolve(directory.name()), position).await()) {
                paths.add(VfsPath.root().resolve(directory.name()).resolve(file.name()));
                if (paths.size() == LOOKUPS) {
                    return paths;
                }
            }
        }
        return paths;
    }

    /** The median latency of a lookup by path: in memory on the embedded store, SQL on PostgreSQL. */
    private static double lookupMicros(EventStore store, VfsOptions options, List<VfsPath> paths, long position,
                                       Vertx vertx) {
        long[] nanos = new long[paths.size()];
        if (store instanceof PgEventStore pg) {
            TreeTables tables = pg.tree();
            long asOf = position == Long.MAX_VALUE ? TreeTables.HEAD : position;
            for (int i = 0; i < paths.size(); i++) {
                long started = System.nanoTime();
                tables.lookup(VOLUME, paths.get(i), asOf).await();
                nanos[i] = System.nanoTime() - started;
            }
        } else {
            TreeProjection projection = replayed(store);
            for (int i = 0; i < paths.size(); i++) {
                long started = System.nanoTime();
                projection.asOf(position).lookup(paths.get(i));
                nanos[i] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1000.0;
    }

    private static double replayRate(EventStore store) {
        long started = System.nanoTime();
        long events = replayed(store).durablePosition();
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private static TreeProjection replayed(EventStore store) {
        TreeProjection projection = new TreeProjection();
        for (List<EventEnvelope> page = store.read(VOLUME, 1, 10_000).await(); !page.isEmpty();
             page = store.read(VOLUME, projection.durablePosition() + 1, 10_000).await()) {
            for (EventEnvelope e : page) {
                projection.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
            }
            projection.markDurable(page.getLast().position());
        }
        return projection;
    }

    private static void sql(URI server, String statement) throws SQLException {
        String url = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath();
        try (Connection c = DriverManager.getConnection(url, server.getUserInfo(), System.getenv("VFS_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
