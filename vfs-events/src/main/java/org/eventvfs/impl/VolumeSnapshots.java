package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eventvfs.spi.StreamHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot files of every volume: {@code <data>/snapshots/<volume>/<position>.snap}. A new one is
 * written in the background after every {@code every} events; the two newest are kept.
 */
final class VolumeSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeSnapshots.class);
    private static final int KEEP = 2;

    private final Vertx vertx;
    private final Path root;
    private final long every;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ConcurrentHashMap<String, Long> lastPositions = new ConcurrentHashMap<>();

    VolumeSnapshots(Vertx vertx, Path root, long every) {
        this.vertx = vertx;
        this.root = root;
        this.every = every;
    }

    /** The newest readable snapshot of a volume, or null. */
    Future<ProjectionSnapshot.Loaded> latest(String volume) {
        return vertx.executeBlocking(() -> {
            for (Path file : newestFirst(volume)) {
                try {
                    return ProjectionSnapshot.read(file);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("ignoring unreadable snapshot {}: {}", file, e.toString());
                }
            }
            return null;
        }, false);
    }

    void maybeSnapshot(ProjectedVolume volume) {
        long last = newestPosition(volume.name());
        if (volume.position() - last >= every && !writing.get()) {
            snapshot(volume);
        }
    }

    Future<Void> snapshot(ProjectedVolume volume) {
        if (!writing.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        StreamHead head = volume.writer().durableHead();
        return vertx.<Void>executeBlocking(() -> {
            Path file = directory(volume.name()).resolve(head.position() + ".snap");
            ProjectionSnapshot.write(file, volume.name(), head, volume.projection(),
                    volume.writer().window().copy());
            lastPositions.put(volume.name(), head.position());
            prune(volume.name());
            return null;
        }, false).onComplete(ar -> {
            writing.set(false);
            if (ar.failed()) {
                LOG.warn("snapshot of volume {} at {} failed: {}", volume.name(), head.position(), ar.cause().toString());
            }
        });
    }

    private long newestPosition(String volume) {
        return lastPositions.computeIfAbsent(volume, v -> {
            List<Path> files = newestFirst(v);
            return files.isEmpty() ? 0L : positionOf(files.getFirst());
        });
    }

    private void prune(String volume) throws IOException {
        List<Path> files = newestFirst(volume);
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private List<Path> newestFirst(String volume) {
        Path dir = directory(volume);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.snap"))
                    .sorted(Comparator.comparingLong(VolumeSnapshots::positionOf).reversed())
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list snapshots in {}: {}", dir, e.toString());
            return List.of();
        }
    }

    private Path directory(String volume) {
        return root.resolve(volume);
    }

    private static long positionOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".snap".length()));
    }
}
