package org.eventvfs;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.eventvfs.domain.Content;

/**
 * A private, writable copy of a file's content in a temporary file, for protocols that write at
 * offsets. Nothing is visible to others until its sealed content is committed as a new revision,
 * so a crash mid-write never leaves a file mixing two revisions.
 */
public interface StagedFile {
    long size();

    Future<Void> write(long offset, Buffer data);

    Future<Buffer> read(long offset, int length);

    Future<Void> truncate(long size);

    /** Cuts the staged bytes into stored blocks; the staged copy stays until {@link #discard}. */
    Future<Content> seal();

    /** Deletes the temporary file. */
    Future<Void> discard();
}
