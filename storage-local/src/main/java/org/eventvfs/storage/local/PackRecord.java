package org.eventvfs.storage.local;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.eventvfs.domain.Sha256;

/**
 * One block in a pack file, as written:
 *
 * <pre>
 * header  magic u32 | body length u32 | stored at, ms since the epoch, u64 | SHA-256 of the body, 32 bytes
 *         | CRC32C of those 48 bytes u32
 * body    the block's bytes
 * </pre>
 *
 * The header's CRC tells a record from zeros and torn writes; the body is checked, when it is, by
 * its SHA-256 ({@code vfs verify --blobs}), as a block file is.
 */
record PackRecord(long offset, Sha256 hash, int length, long storedMillis) {
    static final int MAGIC = 0x56504B31; // "VPK1"
    static final int HEADER_SIZE = 52;
    private static final int CHECKED_BYTES = HEADER_SIZE - Integer.BYTES;

    /** Bytes the record takes in its pack, header included. */
    long size() {
        return HEADER_SIZE + (long) length;
    }

    long bodyOffset() {
        return offset + HEADER_SIZE;
    }

    static ByteBuffer header(Sha256 hash, int length, long storedMillis) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        header.putInt(MAGIC).putInt(length).putLong(storedMillis).put(hash.toBytes());
        header.putInt(crc(header));
        return header.flip();
    }

    /** The record whose header {@code header} holds (read at {@code offset}), or null if it holds none. */
    static PackRecord parse(long offset, ByteBuffer header) {
        if (header.remaining() < HEADER_SIZE || header.getInt(0) != MAGIC
                || header.getInt(CHECKED_BYTES) != crc(header)) {
            return null;
        }
        int length = header.getInt(4);
        if (length < 0) {
            return null;
        }
        byte[] digest = new byte[32];
        header.get(16, digest);
        return new PackRecord(offset, Sha256.of(digest), length, header.getLong(8));
    }

    /** True if the header holds nothing but zeros: a place no record was written to yet. */
    static boolean unwritten(ByteBuffer header) {
        for (int i = 0; i < header.limit(); i++) {
            if (header.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The CRC32C of a header's first 48 bytes, wherever the buffer's position is. */
    private static int crc(ByteBuffer header) {
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate().clear().limit(CHECKED_BYTES));
        return (int) crc.getValue();
    }
}
