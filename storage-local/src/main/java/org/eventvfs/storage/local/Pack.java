package org.eventvfs.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * One pack file ({@code <number>.pack}, 16 hex digits) and the list of its records the garbage
 * collector deleted ({@code <number>.dead}, one offset of 8 bytes each). Only the newest pack of a
 * store's run is appended to; a pack is never changed otherwise, only deleted whole once its live
 * records were copied into a newer one.
 *
 * <p>The pack being appended to keeps a {@link Runway} of zeros written ahead of its records,
 * as the event log does, so that syncing an append writes data only.
 */
final class Pack {
    static final String SUFFIX = ".pack";
    private static final String DEAD_SUFFIX = ".dead";

    final long number;
    private final Path file;
    private final FileChannel channel;
    /** Where the next record goes: the end of the last record. */
    private long end;
    /** How far the file holds written bytes, records and runway. */
    private long written;
    /** Bytes of records no longer live: deleted, or stored again later. */
    private long deadBytes;

    private Pack(long number, Path file, FileChannel channel, long end, long written) {
        this.number = number;
        this.file = file;
        this.channel = channel;
        this.end = end;
        this.written = written;
    }

    static Path fileOf(Path folder, long number) {
        return folder.resolve("%016x%s".formatted(number, SUFFIX));
    }

    /** The number a pack file's name holds, or -1 if it is not a pack's name. */
    static long numberOf(Path file) {
        String name = file.getFileName().toString();
        if (name.length() != 16 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(name.substring(0, 16), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Opens a pack written before, to read its records. */
    static Pack existing(Path folder, long number) throws IOException {
        Path file = fileOf(folder, number);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long size = channel.size();
        return new Pack(number, file, channel, size, size);
    }

    /** Creates a new, empty pack to append to; its folder entry is made durable. */
    static Pack created(Path folder, long number) throws IOException {
        Path file = fileOf(folder, number);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // Held while this store appends, so no other store's open takes the pack for one a stop left open.
            channel.lock();
            Fsync.directory(folder);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new Pack(number, file, channel, 0, 0);
    }

    Path file() {
        return file;
    }

    long end() {
        return end;
    }

    synchronized long deadBytes() {
        return deadBytes;
    }

    synchronized void countDead(long bytes) {
        deadBytes += bytes;
    }

    /**
     * Writes a record at the end, not yet durable; answers true if the file had to grow, so its
     * sync must include the metadata. The caller serializes appends.
     */
    boolean write(PackRecord record, ByteBuffer header, ByteBuffer body) throws IOException {
        boolean grown = record.offset() + record.size() > written;
        if (grown) {
            long runwayEnd = record.offset() + record.size() + Runway.SIZE;
            Runway.fill(channel, written, runwayEnd);
            written = runwayEnd;
        }
        long at = record.offset();
        while (header.hasRemaining()) {
            at += channel.write(header, at);
        }
        while (body.hasRemaining()) {
            at += channel.write(body, at);
        }
        end = at;
        return grown;
    }

    /** Makes everything written so far durable. */
    void sync(boolean metadata) throws IOException {
        channel.force(metadata);
    }

    /** Reads {@code length} bytes (fewer at the end of the body) of a record's body from {@code offset}. */
    ByteBuffer read(PackRecord record, long offset, int length) throws IOException {
        ByteBuffer range = ByteBuffer.allocate((int) Math.clamp(record.length() - offset, 0, length));
        long at = record.bodyOffset() + offset;
        while (range.hasRemaining()) {
            if (channel.read(range, at + range.position()) < 0) {
                throw new IOException("pack " + file + " ends inside the block at " + record.offset());
            }
        }
        return range.flip();
    }

    /** The header at {@code offset}: {@link PackRecord#HEADER_SIZE} bytes, fewer at the end of the file. */
    ByteBuffer header(long offset) throws IOException {
        return bytes(offset, PackRecord.HEADER_SIZE);
    }

    /** {@code length} bytes from {@code offset}, fewer at the end of the file. */
    ByteBuffer bytes(long offset, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) > 0) {
            continue;
        }
        return bytes.flip();
    }

    long size() throws IOException {
        return channel.size();
    }

    /**
     * Lists the record at {@code offset} as dead. The collector's deletions are not synced: one
     * lost in a crash is redone by the next collection.
     */
    void markDead(long offset, boolean sync) throws IOException {
        try (FileChannel dead = FileChannel.open(deadFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer entry = ByteBuffer.allocate(Long.BYTES).putLong(offset).flip();
            while (entry.hasRemaining()) {
                dead.write(entry);
            }
            if (sync) {
                dead.force(true);
            }
        }
    }

    /** The offsets of the records marked dead. */
    Set<Long> deadOffsets() throws IOException {
        Path dead = deadFile();
        if (!Files.exists(dead)) {
            return Set.of();
        }
        ByteBuffer entries = ByteBuffer.wrap(Files.readAllBytes(dead));
        Set<Long> offsets = new HashSet<>();
        while (entries.remaining() >= Long.BYTES) {
            offsets.add(entries.getLong());
        }
        return offsets;
    }

    /** Cuts the runway off, so a pack no longer appended to ends with its last record. */
    void seal() throws IOException {
        if (written > end) {
            channel.truncate(end);
            written = end;
        }
        channel.force(true);
    }

    void close() throws IOException {
        channel.close();
    }

    /** Deletes the pack and its list of dead records. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
        Files.deleteIfExists(deadFile());
    }

    @Override
    public String toString() {
        return file.toString();
    }

    private Path deadFile() {
        return file.resolveSibling("%016x%s".formatted(number, DEAD_SUFFIX));
    }
}
