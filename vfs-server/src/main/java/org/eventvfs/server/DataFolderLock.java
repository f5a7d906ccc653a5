package org.eventvfs.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <data>/vfs.lock}, held for as long as a process has the folder's stores open, with the
 * holder's pid in it, so that two processes never open one data folder's stores at once.
 */
final class DataFolderLock implements AutoCloseable {
    static final String FILE_NAME = "vfs.lock";

    /**
     * The folders this process holds. The OS lock cannot say so: asking again from this process
     * throws, and on Linux merely opening and closing the file again would drop our own lock.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, creating the folder if needed; fails with {@link DataFolderInUse} if it is held. */
    static DataFolderLock acquire(Path dataFolder) throws IOException {
        Path folder = dataFolder.toAbsolutePath().normalize();
        if (!HELD_HERE.add(folder)) {
            throw new DataFolderInUse(folder, OptionalLong.of(ProcessHandle.current().pid()));
        }
        try {
            Files.createDirectories(folder);
            return lock(folder);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(folder);
            throw e;
        }
    }

    private static DataFolderLock lock(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataFolderInUse(folder, holder(channel));
            }
            writePid(channel);
            return new DataFolderLock(folder, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    /** The pid the holder wrote; empty if it has not written it yet. */
    private static OptionalLong holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Releases the lock; the file stays, since deleting it would race with a process about to lock it. */
    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        } finally {
            HELD_HERE.remove(folder);
        }
    }
}
