package org.eventvfs.spi;

/** How much a blob store holds: its blocks and their bytes, as one walk of the store counted them. */
public record BlobUsage(long blocks, long bytes) {
}
