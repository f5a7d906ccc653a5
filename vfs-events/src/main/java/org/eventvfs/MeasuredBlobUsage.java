package org.eventvfs;

import java.time.Instant;
import org.eventvfs.spi.BlobUsage;

/** The blob store's blocks and bytes, and when the walk that counted them ended. */
public record MeasuredBlobUsage(BlobUsage usage, Instant measured) {
}
