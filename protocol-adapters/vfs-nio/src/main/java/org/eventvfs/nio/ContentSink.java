package org.eventvfs.nio;

import io.vertx.core.buffer.Buffer;
import org.eventvfs.StagedFile;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Content;

/**
 * Where a writable channel's bytes go until they are committed. Writes that arrive in order from
 * the start (an upload: almost every SFTP put) stream straight into blocks; the first write
 * anywhere else, a read, or a truncation moves everything into a staged copy, which takes any
 * offset. Either way nothing is visible until {@link #seal()} and a commit.
 */
final class ContentSink {
    private final Volume volume;
    private Content base;
    private Upload upload;
    private StagedFile staged;

    /** A sink that starts empty and streams while writes stay sequential. */
    static ContentSink streaming(Volume volume) {
        ContentSink sink = new ContentSink(volume, Content.EMPTY);
        sink.upload = volume.upload();
        return sink;
    }

    /** A sink over existing content, for writes at any offset. */
    static ContentSink over(Volume volume, Content base) {
        return new ContentSink(volume, base);
    }

    private ContentSink(Volume volume, Content base) {
        this.volume = volume;
        this.base = base;
    }

    long size() {
        if (upload != null) {
            return upload.size();
        }
        return staged != null ? staged.size() : base.size();
    }

    void write(long position, Buffer data) {
        if (upload != null && position == upload.size()) {
            upload.write(data).await();
            return;
        }
        staged().write(position, data).await();
    }

    Buffer read(long position, int length) {
        if (upload == null && staged == null) {
            return volume.read(base, position, length).await();
        }
        return staged().read(position, length).await();
    }

    void truncate(long size) {
        if (size != size()) {
            staged().truncate(size).await();
        }
    }

    /** True while nothing was written, so whole content can be taken over as it is. */
    boolean isEmpty() {
        return size() == 0 && staged == null;
    }

    /** Takes over stored content as is, sharing its blocks: a server-side copy moves no bytes. */
    void adopt(Content content) {
        if (upload != null) {
            upload.finish();
            upload = null;
        }
        base = content;
    }

    /** The content written so far, stored as blocks; the sink goes on from it. */
    Content seal() {
        if (upload != null) {
            base = upload.finish().await();
            upload = null;
        } else if (staged != null) {
            base = staged.seal().await();
            staged.discard().await();
            staged = null;
        }
        return base;
    }

    /** Drops whatever was not sealed. */
    void discard() {
        if (upload != null) {
            upload.finish();
            upload = null;
        }
        if (staged != null) {
            staged.discard().await();
            staged = null;
        }
    }

    private StagedFile staged() {
        if (staged == null) {
            if (upload != null) {
                base = upload.finish().await();
                upload = null;
            }
            staged = volume.stage(base);
        }
        return staged;
    }
}
