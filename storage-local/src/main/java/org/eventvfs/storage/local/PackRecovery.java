package org.eventvfs.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import org.eventvfs.domain.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts right the newest pack of a store whose last run did not close it. That run's appends after
 * its last sync may be torn, and none of them was acknowledged (a sync covers every record written
 * before it). A torn record can even look whole, its header written and its body still the
 * runway's zeros: so each record's body is hashed, and one that does not hash to its name is
 * listed dead, for good. After the last record, the rest is cut off if it holds no record header
 * (a torn header, the runway); if it does, it is damage, left as it is and reported.
 *
 * <p>A pack closed cleanly ends exactly with its last record and is not read again; a pack that
 * another store still appends to (it holds a lock on it) is left alone.
 */
final class PackRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(PackRecovery.class);
    /** A tail longer than this is not searched for headers, only reported. */
    private static final long SEARCHED_TAIL = 8L << 20;

    private PackRecovery() {
    }

    /**
     * Drops the records that are not whole from {@code records} and cuts the file back where
     * that is safe; true if the file was cut (reopen it to read). {@code unreadableAt} is where
     * the scan stopped short of the end, or -1.
     */
    static boolean recover(Pack pack, List<PackRecord> records, long unreadableAt) throws IOException {
        long size = pack.size();
        long end = records.isEmpty() ? 0 : records.getLast().offset() + records.getLast().size();
        if (end == size) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(pack.file(), StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return false;
            }
            int torn = dropTorn(pack, records);
            if (unreadableAt >= 0 && holdsAHeader(pack, unreadableAt, size)) {
                LOG.warn("pack {} is unreadable from byte {} of {} and holds blocks after it: they are missing "
                        + "(vfs verify --blobs names those that events refer to)", pack, unreadableAt, size);
                return false;
            }
            if (torn > 0 || unreadableAt >= 0) {
                LOG.info("pack {}: a stop cut its last block writes short (never acknowledged); {} torn blocks "
                        + "set aside, the file cut back from {} to {} bytes", pack, torn, size, end);
            }
            channel.truncate(end);
            channel.force(true);
            return true;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException appendedToInThisProcess) {
            return null;
        }
    }

    /** Lists every record whose body does not hash to its name as dead, durably; answers how many. */
    private static int dropTorn(Pack pack, List<PackRecord> records) throws IOException {
        int torn = 0;
        for (Iterator<PackRecord> it = records.iterator(); it.hasNext(); ) {
            PackRecord record = it.next();
            MessageDigest digest = Sha256.newDigest();
            digest.update(pack.read(record, 0, record.length()));
            if (!Sha256.of(digest.digest()).equals(record.hash())) {
                pack.markDead(record.offset(), true);
                it.remove();
                torn++;
            }
        }
        return torn;
    }

    /** True if a record header starts anywhere in the pack after {@code from}, as far as it is searched. */
    private static boolean holdsAHeader(Pack pack, long from, long size) throws IOException {
        if (size - from > SEARCHED_TAIL) {
            return true;
        }
        ByteBuffer tail = pack.bytes(from, (int) (size - from));
        for (int at = 1; at + PackRecord.HEADER_SIZE <= tail.limit(); at++) {
            if (tail.getInt(at) == PackRecord.MAGIC
                    && PackRecord.parse(from + at, tail.slice(at, PackRecord.HEADER_SIZE)) != null) {
                return true;
            }
        }
        return false;
    }
}
