package org.eventvfs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data folders for the benchmarks, under {@code $BENCH_DATA} or the temporary folder (an
 * environment variable, so that JMH's forked JVMs see it too). It must be on a real disk for the
 * fsync'd benchmarks to mean anything: a tmpfs makes fsync free.
 */
final class ScratchDirectory {
    private ScratchDirectory() {
    }

    static Path root() {
        String configured = System.getenv("BENCH_DATA");
        return Path.of(configured != null && !configured.isEmpty() ? configured : System.getProperty("java.io.tmpdir"));
    }

    /** A new, empty folder for one benchmark run. */
    static Path create(String purpose) {
        try {
            Files.createDirectories(root());
            return Files.createTempDirectory(root(), "eventvfs-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
