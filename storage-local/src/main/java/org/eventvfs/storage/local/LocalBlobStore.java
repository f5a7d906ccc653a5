package org.eventvfs.storage.local;

import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.eventvfs.spi.StoredBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded blob store. A block larger than {@link PackedBlocks#MAX_BLOCK} is a file
 * {@code <folder>/ab/cd/abcd…} named by the 64 hex digits of its SHA-256, two levels of 256
 * folders so no folder grows past a few thousand entries; it appears whole or not at all: it is
 * written to {@code <folder>/tmp/}, synced, renamed into place and its folder synced, so a crash
 * leaves at most an unfinished temporary file, removed at the next open. Smaller blocks are
 * appended to pack files in {@code <folder>/packs/} ({@link PackedBlocks}); a store written before
 * packs existed keeps its small block files, and reads them. All file I/O runs on a small worker
 * pool, never on an event loop.
 */
public final class LocalBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBlobStore.class);
    private static final int IO_THREADS = 8;
    private static final String TMP = "tmp";
    private static final String PACKS = "packs";

    private final Path directory;
    private final Path tmp;
    private final WorkerExecutor io;
    private volatile PackedBlocks packed;
    private volatile boolean closed;

    private LocalBlobStore(Path directory, WorkerExecutor io) {
        this.directory = directory;
        this.tmp = directory.resolve(TMP);
        this.io = io;
    }

    /** Opens the store in {@code directory}, creating it if needed and removing unfinished writes. */
    public static Future<LocalBlobStore> open(Vertx vertx, Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        WorkerExecutor io = vertx.createSharedWorkerExecutor("vfs-blob-io " + folder, IO_THREADS);
        LocalBlobStore store = new LocalBlobStore(folder, io);
        return io.executeBlocking(() -> {
            store.removeUnfinished();
            store.packed = PackedBlocks.open(folder.resolve(PACKS));
            return store;
        }, false).onFailure(e -> io.close());
    }

    private void removeUnfinished() throws IOException {
        Files.createDirectories(tmp);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                Files.delete(file);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("removed {} unfinished block writes from {}", removed, tmp);
        }
    }

    @Override
    public Future<Boolean> contains(Sha256 hash) {
        return run("look up block " + hash, () -> packed.contains(hash) || Files.isRegularFile(pathOf(hash)));
    }

    /** Stores the block under the hash of its bytes unless a block of that hash is stored. */
    @Override
    public Future<Sha256> put(Buffer block) {
        return run("store a block", () -> {
            ByteBuffer bytes = ((BufferInternal) block).getByteBuf().nioBuffer();
            MessageDigest digest = Sha256.newDigest();
            digest.update(bytes.duplicate());
            Sha256 hash = Sha256.of(digest.digest());
            Path target = pathOf(hash);
            if (packed.refreshed(hash) || refreshed(target)) {
                return hash;
            }
            if (bytes.remaining() <= PackedBlocks.MAX_BLOCK) {
                packed.put(hash, bytes);
                return hash;
            }
            Path written = writeTemporary(bytes);
            try {
                moveIntoPlace(written, target);
            } finally {
                Files.deleteIfExists(written);
            }
            return hash;
        });
    }

    /**
     * Marks a stored block as put now, so the garbage collector's grace counts from this put: an
     * upload that finds its block stored must not lose it to a collection before its event lands.
     * False if the block is not stored.
     */
    private static boolean refreshed(Path block) throws IOException {
        if (!Files.exists(block)) {
            return false; // the common case, answered without the exception below
        }
        try {
            Files.setLastModifiedTime(block, FileTime.from(Instant.now()));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Path writeTemporary(ByteBuffer bytes) throws IOException {
        Path file = tmp.resolve(UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /**
     * Renames the block into its folder and syncs that folder; a folder made for it is made durable
     * once, by syncing the folder that gained it, and never again for later blocks.
     */
    private void moveIntoPlace(Path written, Path target) throws IOException {
        Path folder = target.getParent();
        List<Path> made = makeFolders(folder);
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        Fsync.directory(folder);
        for (Path created : made) {
            Fsync.directory(created.getParent());
        }
    }

    /** Creates {@code folder} and its missing parents, answering those it created, deepest first. */
    private static List<Path> makeFolders(Path folder) throws IOException {
        List<Path> made = new ArrayList<>(2);
        for (Path f = folder; !Files.isDirectory(f); f = f.getParent()) {
            made.add(f);
        }
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                Files.createDirectory(made.get(i));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile for another block: syncing its parent below is still right
            }
        }
        return made;
    }

    @Override
    public Future<Buffer> get(Sha256 hash, long offset, int length) {
        if (offset < 0 || length < 0) {
            return Future.failedFuture(new IllegalArgumentException("no range " + offset + "+" + length));
        }
        return run("read block " + hash, () -> {
            ByteBuffer packedRange = packed.read(hash, offset, length);
            if (packedRange != null) {
                return BufferInternal.buffer(Unpooled.wrappedBuffer(packedRange));
            }
            try (FileChannel channel = FileChannel.open(pathOf(hash), StandardOpenOption.READ)) {
                ByteBuffer range = ByteBuffer.allocate(Math.clamp(channel.size() - offset, 0, length));
                while (range.hasRemaining()) {
                    if (channel.read(range, offset + range.position()) < 0) {
                        throw new EOFException("block " + hash + " ended while it was read");
                    }
                }
                return BufferInternal.buffer(Unpooled.wrappedBuffer(range.array()));
            } catch (NoSuchFileException e) {
                throw new VfsException.NotFound("block " + hash + " is not stored");
            }
        });
    }

    @Override
    public Future<Void> delete(Sha256 hash) {
        return run("delete block " + hash, () -> {
            packed.delete(hash);
            Files.deleteIfExists(pathOf(hash));
            return null;
        });
    }

    @Override
    public Future<List<StoredBlock>> list() {
        return run("list blocks", () -> {
            List<StoredBlock> blocks = new ArrayList<>();
            walk((file, name) -> storedBlock(file, name).ifPresent(blocks::add));
            packed.forEach((hash, length, storedMillis) ->
                    blocks.add(new StoredBlock(hash, Instant.ofEpochMilli(storedMillis))));
            return blocks;
        });
    }

    /** A walk of the block folders, as {@link #list()} makes, that keeps only a count and a sum. */
    @Override
    public Future<BlobUsage> usage() {
        return run("measure the blocks", () -> {
            long[] blocksAndBytes = new long[2];
            walk((file, name) -> {
                try {
                    blocksAndBytes[1] += Files.size(file);
                    blocksAndBytes[0]++;
                } catch (NoSuchFileException deletedSinceListed) {
                    // The garbage collector deleted it meanwhile: it no longer counts.
                }
            });
            packed.forEach((hash, length, storedMillis) -> {
                blocksAndBytes[0]++;
                blocksAndBytes[1] += length;
            });
            return new BlobUsage(blocksAndBytes[0], blocksAndBytes[1]);
        });
    }

    /** What a walk of the block folders does with each block file. */
    private interface BlockFiles {
        void visit(Path file, String name) throws IOException;
    }

    /** Visits every block file, skipping whatever else the folders hold. */
    private void walk(BlockFiles blocks) throws IOException {
        for (Path first : folders(directory)) {
            for (Path second : folders(first)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(second)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (name.length() == 64 && isLowerHex(name) && file.equals(pathOf(Sha256.parse(name)))) {
                            blocks.visit(file, name);
                        }
                    }
                }
            }
        }
    }

    /** The block in {@code file}, unless it was deleted since it was listed. */
    private static Optional<StoredBlock> storedBlock(Path file, String name) throws IOException {
        try {
            Instant stored = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new StoredBlock(Sha256.parse(name), stored));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The two-hex-digit folders of the block tree in {@code parent}; {@code tmp} is not one. */
    private static List<Path> folders(Path parent) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().length() == 2 && isLowerHex(p.getFileName().toString()))) {
            entries.forEach(folders::add);
        }
        return folders;
    }

    private static boolean isLowerHex(String name) {
        return name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    @Override
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        return io.executeBlocking(() -> {
            packed.close();
            return null;
        }, false).eventually(io::close).mapEmpty();
    }

    private Path pathOf(Sha256 hash) {
        String hex = hash.hex();
        return directory.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private <T> Future<T> run(String what, Callable<T> work) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the blob store in " + directory + " is closed"));
        }
        return io.executeBlocking(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new VfsException.Unavailable("cannot " + what + " in " + directory + ": " + e, e);
            }
        }, false);
    }
}
