package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogPage;
import org.eventvfs.audit.TreeListing;

/**
 * What {@code vfs log}, {@code vfs history} and {@code vfs cat} ask, whether of the stores directly
 * or through a running server. Parameters are those of the HTTP API ({@link org.eventvfs.audit.AuditParameters}).
 */
interface AuditOperations {
    /** Reading a past revision goes by pieces of at most this many bytes. */
    int CHUNK = 1 << 20;

    Future<LogPage> log(String volume, Map<String, List<String>> parameters);

    Future<FileHistory> history(String volume, Map<String, List<String>> parameters);

    Future<TreeListing> tree(String volume, Map<String, List<String>> parameters);

    /** Up to {@code length} bytes from {@code offset} of the file at {@code path} as of {@code position}. */
    Future<Buffer> content(String volume, String path, long position, long offset, int length);
}
