package org.eventvfs.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/** Files of random bytes and sizes for the sync tests of real clients. */
public final class RandomFiles {
    private RandomFiles() {
    }

    /**
     * Writes {@code file-0.bin} … {@code file-<count-1>.bin} in {@code directory}, creating it; file
     * {@code i} holds fewer than {@code sizeBound.applyAsInt(i)} random bytes.
     */
    public static void write(Path directory, Random random, int count, IntUnaryOperator sizeBound) throws IOException {
        Files.createDirectories(directory);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[random.nextInt(sizeBound.applyAsInt(i))];
            random.nextBytes(bytes);
            Files.write(directory.resolve("file-" + i + ".bin"), bytes);
        }
    }

    /** Writes {@code size} random bytes, the same for the same seed, to {@code file}; returns them. */
    public static byte[] writeOne(Path file, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.write(file, bytes);
        return bytes;
    }
}
