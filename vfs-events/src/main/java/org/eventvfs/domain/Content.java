package org.eventvfs.domain;

import java.util.List;

/**
 * One revision of a file's content: its length, the SHA-256 of the whole, and the blocks that
 * hold it, in order. The blocks are stored before any event refers to them.
 */
public record Content(long size, Sha256 sha256, List<BlockRef> blocks) {
    /** The content of an empty file. */
    public static final Content EMPTY = new Content(0, Sha256.EMPTY, List.of());

    public Content {
        blocks = List.copyOf(blocks);
        long sum = 0;
        for (BlockRef block : blocks) {
            sum += block.size();
        }
        if (sum != size) {
            throw new IllegalArgumentException("blocks hold " + sum + " bytes but the size is " + size);
        }
    }
}
