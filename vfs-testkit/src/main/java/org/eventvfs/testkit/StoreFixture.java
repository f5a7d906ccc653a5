package org.eventvfs.testkit;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;

/**
 * What the contract suites need of a back-end: options naming its stores for a fresh data folder.
 * Each back-end's tests implement it once and run every suite with it.
 */
public interface StoreFixture {
    /** Options for a new, empty deployment whose local files live under {@code dataDirectory}. */
    VfsOptions options(Path dataDirectory);

    /** Every event of a stream, read through a store opened on its own (the Vfs must be closed). */
    static List<EventEnvelope> readAll(Vertx vertx, VfsOptions options, String stream) {
        EventStore store = Storage.openEventStore(options.events(),
                new StorageContext(vertx, options.dataDirectory())).await();
        try {
            List<EventEnvelope> all = new ArrayList<>();
            while (true) {
                List<EventEnvelope> page = store.read(stream, all.size() + 1, 5000).await();
                if (page.isEmpty()) {
                    return all;
                }
                all.addAll(page);
            }
        } finally {
            store.close().await();
        }
    }

    static Vfs open(Vertx vertx, VfsOptions options) {
        return Vfs.open(vertx, options).await();
    }

    static Path tempDirectory() {
        try {
            return Files.createTempDirectory("eventvfs-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
