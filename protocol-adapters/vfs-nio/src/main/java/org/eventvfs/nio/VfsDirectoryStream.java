package org.eventvfs.nio;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eventvfs.domain.Node;

/** A directory's entries as they were when it was opened (the projection gives a consistent listing). */
final class VfsDirectoryStream implements DirectoryStream<Path> {
    private final List<Path> entries = new ArrayList<>();
    private boolean iterated;
    private boolean closed;

    VfsDirectoryStream(VfsNioPath directory, List<Node> children, Filter<? super Path> filter) throws IOException {
        for (Node child : children) {
            Path entry = directory.resolve(child.name());
            if (filter == null || filter.accept(entry)) {
                entries.add(entry);
            }
        }
    }

    @Override
    public synchronized Iterator<Path> iterator() {
        if (closed || iterated) {
            throw new IllegalStateException("a directory stream is iterated once, before it is closed");
        }
        iterated = true;
        return entries.iterator();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
