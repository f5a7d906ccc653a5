package org.eventvfs.impl;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The arrays an upload's blocks fill. The first block starts at the size of the first write and
 * doubles, so a small file costs what it holds and not a whole block; once a block has filled, the
 * file is large and every later block gets a whole array at once, reused when the store is done
 * with it, so a large upload allocates a few blocks however long it is.
 */
final class BlockBuffers {
    private static final byte[] NONE = new byte[0];

    private final int blockSize;
    /** Given back from the blob store's threads, taken on the writer's. */
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private byte[] current = NONE;
    private int filled;
    private boolean large;

    BlockBuffers(int blockSize) {
        this.blockSize = blockSize;
    }

    /** Copies bytes of {@code data} from {@code offset} into the block, as many as fit; answers how many. */
    int append(Buffer data, int offset) {
        int n = Math.min(data.length() - offset, blockSize - filled);
        ensureCapacity(filled + n);
        data.getBytes(offset, offset + n, current, filled);
        filled += n;
        return n;
    }

    boolean isFull() {
        return filled == blockSize;
    }

    int filled() {
        return filled;
    }

    /** The filled block, without a copy; the next block starts empty. */
    Buffer take() {
        Buffer block = BufferInternal.buffer(Unpooled.wrappedBuffer(current, 0, filled));
        large |= filled == blockSize;
        current = NONE;
        filled = 0;
        return block;
    }

    /** Takes back a block's array once nothing reads it any more, for a later block to fill. */
    void giveBack(Buffer block) {
        byte[] array = ((BufferInternal) block).getByteBuf().array();
        if (array.length == blockSize) {
            spare.offer(array);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= current.length) {
            return;
        }
        byte[] grown = large || needed > blockSize / 2 ? wholeBlock()
                : new byte[Math.max(needed, Math.min(2 * current.length, blockSize))];
        System.arraycopy(current, 0, grown, 0, filled);
        current = grown;
    }

    private byte[] wholeBlock() {
        byte[] reused = spare.poll();
        return reused != null ? reused : new byte[blockSize];
    }
}
