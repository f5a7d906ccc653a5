package org.eventvfs.spi;

import java.time.Instant;
import org.eventvfs.domain.Sha256;

/**
 * A block as the garbage collector sees it in a listing: its name and when it was last stored.
 *
 * @param stored when the block was last written or put again; never later than the truth by more
 *     than the store's clock skew, never earlier than {@link BlobStore#REFRESH_SLACK} before the last put
 */
public record StoredBlock(Sha256 hash, Instant stored) {
}
