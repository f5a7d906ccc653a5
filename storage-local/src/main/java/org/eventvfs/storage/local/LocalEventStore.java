package org.eventvfs.storage.local;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.AppendConflict;
import org.eventvfs.spi.ChainReport;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * The embedded event store: one append-only log file per stream in one folder, named by
 * {@link StreamFileNames} ({@code default.log}, {@code %40accounts.log}). The frame format and why
 * a crash never loses an acknowledged append are in docs/log-format.md; what opening a log
 * refuses or repairs is in {@link LogRecovery}.
 *
 * <p>Appends run in call order on one writer thread per store, never on an event loop. Appends
 * that queue while a sync runs are written together with one write and one sync
 * ({@link AppendQueue}), so concurrent writers share syncs. Reads run on a small worker pool and see only synced
 * events. Opening recovers every log before the store is handed out, so a damaged log stops the
 * server at start, not at the first read.
 */
public final class LocalEventStore implements EventStore {
    private static final int READER_THREADS = 4;

    private final Path directory;
    /** Null for a store opened only to be verified. */
    private final Durability durability;
    private final WorkerExecutor writer;
    private final WorkerExecutor readers;
    /** Null for a store opened to verify a folder where no lock can be taken (a read-only copy). */
    private final DirectoryLock lock;
    private final Map<String, StreamLog> logs;
    private final AppendQueue appends;
    private volatile boolean closed;

    private LocalEventStore(Path directory, Durability durability, WorkerExecutor writer, WorkerExecutor readers,
                            DirectoryLock lock, Map<String, StreamLog> logs) {
        this.directory = directory;
        this.durability = durability;
        this.writer = writer;
        this.readers = readers;
        this.lock = lock;
        this.logs = logs;
        this.appends = new AppendQueue(writer, this::appendNow);
    }

    /**
     * Opens the store in {@code directory}, creating the folder if needed and recovering every log
     * in it. Fails with {@link LogDamaged} if a log is damaged.
     */
    public static Future<LocalEventStore> open(Vertx vertx, Path directory, Durability durability) {
        Path folder = directory.toAbsolutePath().normalize();
        WorkerExecutor writer = vertx.createSharedWorkerExecutor("vfs-log-writer " + folder, 1);
        WorkerExecutor readers = vertx.createSharedWorkerExecutor("vfs-log-reader " + folder, READER_THREADS);
        return writer.executeBlocking(() -> openLogs(folder, durability, writer, readers), false)
                .onFailure(e -> writer.close().eventually(readers::close));
    }

    /**
     * Opens the store in {@code directory} to read and verify it only: no file is created, cut off
     * or written, a damaged log is opened up to its last whole frame rather than refused, and
     * {@link #verifyChain} reads each log to the end of its file to report what follows. Appends fail.
     */
    public static Future<LocalEventStore> openToVerify(Vertx vertx, Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        WorkerExecutor writer = vertx.createSharedWorkerExecutor("vfs-log-verifier " + folder, 1);
        WorkerExecutor readers = vertx.createSharedWorkerExecutor("vfs-log-reader " + folder, READER_THREADS);
        return writer.executeBlocking(() -> {
            if (!Files.isDirectory(folder)) {
                return new LocalEventStore(folder, null, writer, readers, null, new ConcurrentHashMap<>());
            }
            return openLogs(folder, null, writer, readers);
        }, false).onFailure(e -> writer.close().eventually(readers::close));
    }

    /** With a null {@code durability}, opens every log only to verify it (see {@link #openToVerify}). */
    private static LocalEventStore openLogs(Path directory, Durability durability, WorkerExecutor writer,
                                            WorkerExecutor readers) throws IOException {
        DirectoryLock lock = durability == null ? verifierLock(directory) : createdAndLocked(directory);
        Map<String, StreamLog> logs = new ConcurrentHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + StreamFileNames.SUFFIX)) {
            for (Path file : files) {
                String stream = StreamFileNames.streamOf(file.getFileName().toString());
                if (stream != null) {
                    logs.put(stream, durability == null ? StreamLog.openToVerify(stream, file)
                            : StreamLog.open(stream, file, durability));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (StreamLog log : logs.values()) {
                log.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        return new LocalEventStore(directory, durability, writer, readers, lock, logs);
    }

    private static DirectoryLock createdAndLocked(Path directory) throws IOException {
        Files.createDirectories(directory);
        return DirectoryLock.acquire(directory);
    }

    /**
     * The lock if it can be taken, so no server appends while a verifier reads; none in a folder
     * this process cannot write, such as a read-only copy, where nobody appends either.
     */
    private static DirectoryLock verifierLock(Path directory) throws IOException {
        if (!Files.isWritable(directory)) {
            return null;
        }
        return DirectoryLock.acquire(directory);
    }

    /** Opened to verify, every log counts, also one whose first frame cannot be read, so that it is reported. */
    @Override
    public Future<List<String>> streams() {
        List<String> streams = new ArrayList<>();
        logs.forEach((stream, log) -> {
            if (log.head().position() > 0 || durability == null) {
                streams.add(stream);
            }
        });
        streams.sort(null);
        return Future.succeededFuture(streams);
    }

    @Override
    public Future<StreamHead> head(String stream) {
        return usable(stream).map(ok -> {
            StreamLog log = logs.get(stream);
            return log == null ? StreamHead.EMPTY : log.head();
        });
    }

    /** The bytes of the stream's log file up to its last durable frame, known without any I/O. */
    @Override
    public Future<Long> size(String stream) {
        return usable(stream).map(ok -> {
            StreamLog log = logs.get(stream);
            return log == null ? 0L : log.size();
        });
    }

    @Override
    public Future<Void> append(String stream, long expectedHead, List<EventBatch> batches) {
        return usable(stream).compose(ok -> appends.submit(stream, expectedHead, batches));
    }

    /** Runs on the writer thread, for {@link AppendQueue}. */
    private void appendNow(String stream, long expectedHead, List<EventBatch> batches) {
        if (durability == null) {
            throw new IllegalStateException("the event store in " + directory + " is open only to be verified");
        }
        StreamLog log = logs.get(stream);
        try {
            if (log == null) {
                if (expectedHead != 0) {
                    throw new AppendConflict(stream, expectedHead, 0);
                }
                if (batches.isEmpty()) {
                    return;
                }
                log = StreamLog.create(stream, directory.resolve(StreamFileNames.of(stream)), durability);
                logs.put(stream, log);
            }
            log.append(expectedHead, batches);
        } catch (IOException e) {
            throw new VfsException.Unavailable("cannot append to stream " + stream + " in " + directory + ": " + e, e);
        }
    }

    @Override
    public Future<List<EventEnvelope>> read(String stream, long fromPosition, int maxEvents) {
        if (maxEvents < 1) {
            return Future.failedFuture(new IllegalArgumentException("maxEvents must be positive, not " + maxEvents));
        }
        return run(readers, stream, "read stream", () -> {
            StreamLog log = logs.get(stream);
            return log == null ? List.of() : log.read(fromPosition, maxEvents);
        });
    }

    /**
     * Re-reads a stream from its first event, recomputing every event's hash from its stored JSON and
     * checking that each event links to the one before; the report names the first position that
     * does not check out, and for a frame that cannot be read, its byte. Takes as long as a full replay.
     */
    @Override
    public Future<ChainReport> verifyChain(String stream) {
        return run(readers, stream, "verify stream", () -> {
            StreamLog log = logs.get(stream);
            return log == null ? ChainReport.intact(stream, StreamHead.EMPTY) : log.verify();
        });
    }

    @Override
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        return writer.<Void>executeBlocking(() -> {
            for (StreamLog log : logs.values()) {
                log.close();
            }
            if (lock != null) {
                lock.close();
            }
            return null;
        }, false).eventually(readers::close).eventually(writer::close);
    }

    /** Runs {@code work} off the event loop; an I/O failure becomes {@link VfsException.Unavailable}. */
    private <T> Future<T> run(WorkerExecutor executor, String stream, String what, Callable<T> work) {
        return usable(stream).compose(ok -> executor.executeBlocking(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new VfsException.Unavailable("cannot " + what + " " + stream + " in " + directory + ": " + e, e);
            }
        }, false));
    }

    private Future<Void> usable(String stream) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the event store in " + directory + " is closed"));
        }
        try {
            StreamFileNames.of(stream);
            return Future.succeededFuture();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }
}
