package org.eventvfs.nio;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * An open file. A reader reads the revision that was current when it opened. A writer collects
 * its bytes in a {@link ContentSink} and commits them as one new revision when it is closed or
 * forced (SFTP close and fsync), so other clients, and a crash, only ever see whole revisions.
 */
final class VfsFileChannel extends FileChannel {
    private static final int TRANSFER_CHUNK = 256 * 1024;

    private final VolumeView view;
    private final VfsPath file;
    private final Path shown;
    private final int mode;
    private final boolean readable;
    private final boolean append;
    private final Content readContent;
    private final ContentSink sink;
    private final SequentialReader reader;
    /** The file this channel creates with its first commit, until then; null for a file that exists. */
    private VolumeView.NewFile created;
    /** A lock, not synchronized: a virtual thread blocked inside must not pin its carrier (JDK 21-23). */
    private final ReentrantLock lock = new ReentrantLock();
    private long position;
    private boolean dirty;
    /** A modification time set on the file while this channel held uncommitted writes, for its commit. */
    private Long pendingModified;

    /** A read-only channel on the current revision of {@code node}. */
    static VfsFileChannel reader(VolumeView view, VfsPath file, Path shown, Node node) {
        return new VfsFileChannel(view, file, shown, node.mode(), node.content(), true, false, null, false, null);
    }

    /** A writable channel on a file that its first commit creates, even if nothing is written. */
    static VfsFileChannel creator(VolumeView view, VolumeView.NewFile file, boolean readable, boolean append) {
        return new VfsFileChannel(view, file.path(), file.shown(), file.mode(), Content.EMPTY, readable, append,
                ContentSink.streaming(view.volume()), true, file);
    }

    /**
     * A writable channel; {@code truncated} starts from empty content (and commits the truncation
     * even if nothing is written).
     */
    static VfsFileChannel writer(VolumeView view, VfsPath file, Path shown, Node node, boolean readable,
                                 boolean append, boolean truncated) {
        ContentSink sink = truncated ? ContentSink.streaming(view.volume())
                : ContentSink.over(view.volume(), node.content());
        return new VfsFileChannel(view, file, shown, node.mode(), node.content(), readable, append, sink,
                truncated && node.content().size() > 0, null);
    }

    private VfsFileChannel(VolumeView view, VfsPath file, Path shown, int mode, Content content, boolean readable,
                           boolean append, ContentSink sink, boolean dirty, VolumeView.NewFile created) {
        this.view = view;
        this.file = file;
        this.shown = shown;
        this.mode = mode;
        this.readable = readable;
        this.append = append;
        this.readContent = content;
        this.created = created;
        this.sink = sink;
        this.reader = sink == null ? new SequentialReader(view.volume(), readContent) : null;
        this.dirty = dirty;
        if (sink != null) {
            view.writing(file, this);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return locked(() -> {
            int n = read(dst, position);
            if (n > 0) {
                position += n;
            }
            return n;
        });
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        return locked(() -> {
            ensureOpen();
            if (!readable) {
                throw new NonReadableChannelException();
            }
            if (at >= size()) {
                return -1;
            }
            int wanted = (int) Math.min(dst.remaining(), size() - at);
            Buffer data = io(() -> sink != null ? sink.read(at, wanted) : reader.read(at, wanted));
            dst.put(((BufferInternal) data).getByteBuf().nioBuffer());
            return data.length();
        });
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return locked(() -> {
            if (append) {
                position = size();
            }
            int n = write(src, position);
            position += n;
            return n;
        });
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
        return locked(() -> {
            ensureOpen();
            if (sink == null) {
                throw new NonWritableChannelException();
            }
            int n = src.remaining();
            // Wrapped, not copied: the sink has taken the bytes when its write returns.
            io(() -> {
                sink.write(at, BufferInternal.buffer(Unpooled.wrappedBuffer(src)));
                return null;
            });
            src.position(src.limit());
            dirty = true;
            return n;
        });
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public long position() throws IOException {
        return locked(() -> {
            ensureOpen();
            return position;
        });
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        return locked(() -> {
            ensureOpen();
            if (newPosition < 0) {
                throw new IllegalArgumentException("a position is >= 0");
            }
            position = newPosition;
            return this;
        });
    }

    @Override
    public long size() throws IOException {
        return locked(() -> {
            ensureOpen();
            return sink != null ? sink.size() : readContent.size();
        });
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        return locked(() -> {
            ensureOpen();
            if (sink == null) {
                throw new NonWritableChannelException();
            }
            if (size < sink.size()) {
                io(() -> {
                    sink.truncate(size);
                    return null;
                });
                dirty = true;
            }
            position = Math.min(position, size);
            return this;
        });
    }

    /** Commits what was written as a new revision (SFTP's fsync extension ends here). */
    @Override
    public void force(boolean metaData) throws IOException {
        locked(() -> {
            ensureOpen();
            commit();
            return null;
        });
    }

    /**
     * Copies bytes to {@code target}. A whole file copied into an empty eventvfs file of the same
     * volume (SFTP copy-data, what OpenSSH's {@code cp} sends) shares the source's blocks instead.
     */
    @Override
    public long transferTo(long from, long count, WritableByteChannel target) throws IOException {
        if (from == 0 && count >= size() && sink == null && target instanceof VfsFileChannel copy
                && copy.view.volume() == view.volume() && copy.adopt(readContent, shown)) {
            return readContent.size();
        }
        long done = 0;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(TRANSFER_CHUNK, Math.max(1, count)));
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = read(buffer, from + done);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            done += n;
        }
        return done;
    }

    /** Takes {@code content} (of {@code source}, perhaps a past revision) as this new file's whole content. */
    private boolean adopt(Content content, Path source) throws IOException {
        view.requireStored(content, source);
        return locked(() -> {
            if (sink == null || !sink.isEmpty() || position != 0 || !isOpen()) {
                return false;
            }
            sink.adopt(content);
            position = content.size();
            dirty = true;
            return true;
        });
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long at, long count) throws IOException {
        long done = 0;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(TRANSFER_CHUNK, Math.max(1, count)));
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = source.read(buffer);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            done += write(buffer, at + done);
        }
        return done;
    }

    @Override
    public MappedByteBuffer map(MapMode mapMode, long at, long size) {
        throw new UnsupportedOperationException("eventvfs files cannot be memory-mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("byte-range locks are not supported; WebDAV locks are leases");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("byte-range locks are not supported; WebDAV locks are leases");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        if (sink == null) {
            return;
        }
        locked(() -> {
            try {
                commit();
            } finally {
                sink.discard();
                view.doneWriting(file, this);
            }
            return null;
        });
    }

    /**
     * Closes without committing: the file keeps its last revision (a file this channel was to
     * create is not created), and the log records that an upload of {@code received} bytes was
     * given up, and why.
     */
    void abandon(long received, String reason) throws IOException {
        locked(() -> {
            if (!isOpen()) {
                return null;
            }
            dirty = false;
            if (created != null) {
                view.committing(created);
                created = null;
            }
            close();
            view.execute(new VolumeCommand.RecordAbortedUpload(file, received, reason), shown, null);
            return null;
        });
    }

    /** Takes a modification time for the next commit, if there are writes still to commit. */
    boolean deferModified(long modified) throws IOException {
        return locked(() -> {
            if (!isOpen() || !dirty) {
                return false;
            }
            pendingModified = modified;
            return true;
        });
    }

    private void commit() throws IOException {
        if (sink == null || !dirty) {
            return;
        }
        Content content = io(sink::seal);
        if (created != null) {
            view.committing(created);
            created = null;
        }
        view.execute(new VolumeCommand.CommitContent(file, content, mode, Overwrite.REPLACE, pendingModified), shown,
                null);
        dirty = false;
        pendingModified = null;
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }

    /** Runs {@code call} holding the channel's lock. */
    private <T> T locked(IoCall<T> call) throws IOException {
        lock.lock();
        try {
            return call.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T io(IoCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (VfsException e) {
            throw NioErrors.of(e, shown, null);
        } catch (RuntimeException e) {
            throw new IOException(shown + ": " + e.getMessage(), e);
        }
    }

    private interface IoCall<T> {
        T run() throws IOException;
    }
}
