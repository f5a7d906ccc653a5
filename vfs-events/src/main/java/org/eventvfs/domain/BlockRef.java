package org.eventvfs.domain;

/** One content block: its SHA-256, which is also its name in the blob store, and its length. */
public record BlockRef(Sha256 hash, int size) {
    public BlockRef {
        if (hash == null || size < 0) {
            throw new IllegalArgumentException("a block needs a hash and a size >= 0");
        }
    }
}
