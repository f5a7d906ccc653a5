package org.eventvfs.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small blocks of a local blob store, packed into files of up to {@link #PACK_LIMIT} bytes
 * ({@code <blobs>/packs/}) instead of one file each. A block file costs a new inode, a rename and
 * two folder syncs; a packed block costs one append and one data-only sync, which is most of what
 * storing a small file costs.
 *
 * <p>Which block is where is kept in memory, read from the packs' headers at open. Each run
 * appends to a new pack; a put returns once its record is synced, and only then can another put
 * of the same block find it. The garbage collector's deletions are listed beside each pack; a pack
 * at least half dead is compacted: its live records are copied into the pack being appended to,
 * synced, and the old pack deleted.
 */
final class PackedBlocks {
    /** Blocks up to this size are packed; larger ones stay files of their own. */
    static final int MAX_BLOCK = 128 * 1024;
    /** A pack that would grow past this is sealed and a new one begun. */
    static final long PACK_LIMIT = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(PackedBlocks.class);

    /** Where a live block is, and since when it counts as stored. */
    private record Slot(Pack pack, PackRecord record, long storedMillis) {
    }

    /** A record written and not yet synced. */
    private record Written(Slot slot, boolean grown) {
    }

    private final Path folder;
    private final Map<Sha256, Slot> index = new ConcurrentHashMap<>();
    private final Map<Long, Pack> packs = new ConcurrentHashMap<>();
    /** Packs with a record written whose put has not finished; compaction leaves them alone. */
    private final Map<Pack, Integer> unfinished = new ConcurrentHashMap<>();
    private final Object appendLock = new Object();
    private Pack appending;
    private long nextNumber;

    private PackedBlocks(Path folder) {
        this.folder = folder;
    }

    /** Reads the packs in {@code folder}, if there are any; the folder is made at the first put. */
    static PackedBlocks open(Path folder) throws IOException {
        PackedBlocks blocks = new PackedBlocks(folder);
        TreeSet<Long> numbers = numbers(folder);
        long newest = numbers.isEmpty() ? -1 : numbers.last();
        for (long number : numbers) {
            blocks.load(number, number == newest);
        }
        blocks.nextNumber = newest + 1;
        return blocks;
    }

    private static TreeSet<Long> numbers(Path folder) throws IOException {
        TreeSet<Long> numbers = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + Pack.SUFFIX)) {
                for (Path file : files) {
                    long number = Pack.numberOf(file);
                    if (number >= 0) {
                        numbers.add(number);
                    }
                }
            }
        }
        return numbers;
    }

    /** Indexes a pack's live records; the newest may be one a stop left open, and is put right first. */
    private void load(long number, boolean newest) throws IOException {
        Pack pack = Pack.existing(folder, number);
        List<PackRecord> records = new ArrayList<>();
        long[] unreadableAt = {-1};
        PackScan.scan(pack, records::add, (p, offset, size) -> {
            unreadableAt[0] = offset;
            if (!newest) {
                LOG.warn("pack {} is unreadable from byte {} of {}: the blocks after it are missing "
                        + "(vfs verify --blobs names those that events refer to)", p, offset, size);
            }
        });
        if (newest && PackRecovery.recover(pack, records, unreadableAt[0])) {
            pack.close();
            pack = Pack.existing(folder, number);
        }
        packs.put(pack.number, pack);
        Set<Long> dead = pack.deadOffsets();
        for (PackRecord record : records) {
            if (dead.contains(record.offset())) {
                pack.countDead(record.size());
            } else {
                index(record.hash(), new Slot(pack, record, record.storedMillis()));
            }
        }
    }

    boolean contains(Sha256 hash) {
        return index.containsKey(hash);
    }

    /**
     * True if the block is packed; its stored time is then refreshed, in memory: the collector that
     * could take it runs in this process, and after a restart no put is waiting for its event.
     */
    boolean refreshed(Sha256 hash) {
        Slot slot = index.get(hash);
        if (slot == null) {
            return false;
        }
        long now = System.currentTimeMillis();
        if (now - slot.storedMillis() > BlobStore.REFRESH_SLACK.toMillis()) {
            index.replace(hash, slot, new Slot(slot.pack(), slot.record(), now));
        }
        return true;
    }

    /** Appends the block and returns once it is durable; from then on it can be found. */
    void put(Sha256 hash, ByteBuffer body) throws IOException {
        Written written = write(hash, body, System.currentTimeMillis());
        Pack pack = written.slot().pack();
        try {
            pack.sync(written.grown());
            index(hash, written.slot());
        } catch (IOException e) {
            abandon(pack);
            throw e;
        } finally {
            unfinished.computeIfPresent(pack, (p, n) -> n == 1 ? null : n - 1);
        }
    }

    private Written write(Sha256 hash, ByteBuffer body, long storedMillis) throws IOException {
        synchronized (appendLock) {
            Pack pack = appendingFor(PackRecord.HEADER_SIZE + (long) body.remaining());
            PackRecord record = new PackRecord(pack.end(), hash, body.remaining(), storedMillis);
            try {
                boolean grown = pack.write(record, PackRecord.header(hash, record.length(), storedMillis),
                        body.duplicate());
                unfinished.merge(pack, 1, Integer::sum);
                return new Written(new Slot(pack, record, storedMillis), grown);
            } catch (IOException e) {
                abandon(pack);
                throw e;
            }
        }
    }

    /**
     * After a failed write or sync the file's tail may not be what was written: appends go on in a
     * new pack, and the old one's readable records stay where they are.
     */
    private void abandon(Pack pack) {
        synchronized (appendLock) {
            if (appending == pack) {
                appending = null;
            }
        }
    }

    /** The pack to append {@code size} bytes to, sealing a full one and beginning a new one. */
    private Pack appendingFor(long size) throws IOException {
        if (appending != null && appending.end() > 0 && appending.end() + size > PACK_LIMIT) {
            appending.seal();
            appending = null;
        }
        if (appending == null) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Fsync.directory(folder.getParent());
            }
            appending = created();
            packs.put(appending.number, appending);
        }
        return appending;
    }

    /**
     * A new pack, numbered past every pack there is. A number taken since this store was opened
     * means another process appends here too (which is not supported: each would miss the other's
     * blocks); its pack is left alone.
     */
    private Pack created() throws IOException {
        while (true) {
            try {
                return Pack.created(folder, nextNumber++);
            } catch (FileAlreadyExistsException e) {
                LOG.warn("pack {} appeared since the blob store was opened: is another server using {}?",
                        e.getFile(), folder.getParent());
            }
        }
    }

    private void index(Sha256 hash, Slot slot) {
        Slot previous = index.put(hash, slot);
        if (previous != null) {
            previous.pack().countDead(previous.record().size());
        }
    }

    /**
     * Up to {@code length} bytes of a packed block's body from {@code offset} (fewer at its end), or
     * null if the block is not packed.
     */
    ByteBuffer read(Sha256 hash, long offset, int length) throws IOException {
        Slot slot = index.get(hash);
        while (slot != null) {
            try {
                return slot.pack().read(slot.record(), offset, length);
            } catch (ClosedChannelException e) {
                Slot moved = index.get(hash);
                if (moved == slot) {
                    throw e; // not moved by a compaction: the store is closed
                }
                slot = moved;
            }
        }
        return null;
    }

    /** Deletes a packed block; false if it is not packed. */
    boolean delete(Sha256 hash) throws IOException {
        Slot slot = index.remove(hash);
        if (slot == null) {
            return false;
        }
        slot.pack().markDead(slot.record().offset(), false);
        slot.pack().countDead(slot.record().size());
        compactIfMostlyDead(slot.pack());
        return true;
    }

    /** Copies the live records of a sealed pack that is at least half dead into the appending pack, then deletes it. */
    private void compactIfMostlyDead(Pack pack) throws IOException {
        synchronized (appendLock) {
            if (pack == appending || !packs.containsKey(pack.number) || unfinished.containsKey(pack)
                    || pack.deadBytes() * 2 < pack.end()) {
                return;
            }
            List<Slot> live = new ArrayList<>();
            PackScan.scan(pack, record -> {
                Slot slot = index.get(record.hash());
                if (slot != null && slot.pack() == pack && slot.record().offset() == record.offset()) {
                    live.add(slot);
                }
            }, (p, offset, size) -> { });
            List<Slot> copies = new ArrayList<>(live.size());
            for (Slot slot : live) {
                ByteBuffer body = pack.read(slot.record(), 0, slot.record().length());
                Slot copy = write(slot.record().hash(), body, slot.storedMillis()).slot();
                unfinished.computeIfPresent(copy.pack(), (p, n) -> n == 1 ? null : n - 1);
                copies.add(copy);
            }
            if (!copies.isEmpty()) {
                copies.getLast().pack().sync(true); // a pack sealed on the way was synced by its sealing
            }
            for (int i = 0; i < live.size(); i++) {
                Slot copy = copies.get(i);
                if (!index.replace(copy.record().hash(), live.get(i), copy)) {
                    copy.pack().markDead(copy.record().offset(), false); // deleted or stored again meanwhile
                    copy.pack().countDead(copy.record().size());
                }
            }
            packs.remove(pack.number);
            pack.delete();
            Fsync.directory(folder);
            LOG.debug("compacted pack {}: {} live blocks moved", pack, live.size());
        }
    }

    /** What {@link #forEach} tells of each packed block. */
    interface Visitor {
        void visit(Sha256 hash, int length, long storedMillis);
    }

    void forEach(Visitor visitor) {
        index.forEach((hash, slot) -> visitor.visit(hash, slot.record().length(), slot.storedMillis()));
    }

    /** Cuts the appending pack's runway off, or deletes it if nothing was appended, and closes every pack. */
    void close() throws IOException {
        synchronized (appendLock) {
            if (appending != null && appending.end() == 0) {
                packs.remove(appending.number);
                appending.delete();
            } else if (appending != null) {
                appending.seal();
            }
            appending = null;
            for (Pack pack : packs.values()) {
                pack.close();
            }
        }
    }
}
