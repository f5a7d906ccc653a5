package org.eventvfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlockBuffersTest {
    private static final int BLOCK = 4 * 1024 * 1024;

    @Test
    void aSmallFileTakesAnArrayOfItsOwnSizeNotAWholeBlock() {
        BlockBuffers buffers = new BlockBuffers(BLOCK);

        buffers.append(Buffer.buffer(bytes(4096, 1)), 0);
        Buffer block = buffers.take();

        assertThat(arrayOf(block)).hasSize(4096);
        assertThat(block.getBytes()).isEqualTo(bytes(4096, 1));
    }

    @Test
    void aBlockGrowsByDoublingAndKeepsWhatItHeld() {
        BlockBuffers buffers = new BlockBuffers(BLOCK);
        byte[] first = bytes(32 * 1024, 2);
        byte[] second = bytes(32 * 1024, 3);

        buffers.append(Buffer.buffer(first), 0);
        buffers.append(Buffer.buffer(second), 0);
        buffers.append(Buffer.buffer(new byte[1]), 0);
        Buffer block = buffers.take();

        assertThat(arrayOf(block)).hasSize(128 * 1024);
        assertThat(block.length()).isEqualTo(64 * 1024 + 1);
        assertThat(block.getBytes(0, 32 * 1024)).isEqualTo(first);
        assertThat(block.getBytes(32 * 1024, 64 * 1024)).isEqualTo(second);
    }

    @Test
    void aWriteLargerThanTheRoomLeftFillsTheBlockAndAnswersHowMuchItTook() {
        BlockBuffers buffers = new BlockBuffers(1024);
        Buffer data = Buffer.buffer(bytes(1500, 4));

        int taken = buffers.append(data, 0);

        assertThat(taken).isEqualTo(1024);
        assertThat(buffers.isFull()).isTrue();
        assertThat(buffers.take().getBytes()).isEqualTo(Arrays.copyOf(bytes(1500, 4), 1024));
        assertThat(buffers.append(data, taken)).isEqualTo(476);
        assertThat(buffers.take().getBytes()).isEqualTo(Arrays.copyOfRange(bytes(1500, 4), 1024, 1500));
    }

    @Test
    void afterAFullBlockLaterBlocksReuseTheArraysGivenBack() {
        BlockBuffers buffers = new BlockBuffers(1024);
        buffers.append(Buffer.buffer(bytes(1024, 5)), 0);
        Buffer stored = buffers.take();
        buffers.giveBack(stored);

        buffers.append(Buffer.buffer(bytes(10, 6)), 0);
        Buffer next = buffers.take();

        assertThat(arrayOf(next)).isSameAs(arrayOf(stored));
        assertThat(next.getBytes()).isEqualTo(bytes(10, 6));
    }

    private static byte[] arrayOf(Buffer block) {
        return ((BufferInternal) block).getByteBuf().array();
    }

    private static byte[] bytes(int n, int seed) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }
}
