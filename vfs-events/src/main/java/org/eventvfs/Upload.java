package org.eventvfs;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.eventvfs.domain.Content;

/**
 * Content on its way into the blob store, cut into blocks as it arrives. Calls must not overlap:
 * wait for each {@link #write} before the next; that wait is the back-pressure that bounds memory
 * to a few blocks whatever the size of the file.
 */
public interface Upload {
    /** Takes the next bytes; completes when more may be written. */
    Future<Void> write(Buffer data);

    /** Stores the last block and answers the content, every block of which is then durable. */
    Future<Content> finish();

    /** The number of bytes written so far. */
    long size();
}
