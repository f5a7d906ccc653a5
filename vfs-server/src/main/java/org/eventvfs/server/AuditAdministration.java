package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventvfs.Vfs;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.Volume;
import org.eventvfs.audit.AuditLog;
import org.eventvfs.audit.AuditParameters;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogPage;
import org.eventvfs.audit.RevisionDownload;
import org.eventvfs.audit.TreeListing;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/** The audit queries on a {@link Vfs}: the admin socket's handlers and the commands without a server. */
final class AuditAdministration implements AuditOperations {
    private final Vfs vfs;

    AuditAdministration(Vfs vfs) {
        this.vfs = vfs;
    }

    @Override
    public Future<LogPage> log(String volume, Map<String, List<String>> parameters) {
        if (volume.equals(EventEnvelope.ACCOUNTS)) {
            return AuditLog.readAccounts(vfs.accounts(), parameters(null, parameters, AuditParameters.LOG).log());
        }
        return AuditLog.existingVolume(vfs, volume).compose(files ->
                AuditLog.read(files, parameters(files, parameters, AuditParameters.LOG).log()));
    }

    @Override
    public Future<FileHistory> history(String volume, Map<String, List<String>> parameters) {
        return AuditLog.existingVolume(vfs, volume).compose(files -> {
            AuditParameters read = parameters(files, parameters, AuditParameters.PATH_AT);
            return FileHistory.of(files, read.path(true), read.at());
        });
    }

    @Override
    public Future<TreeListing> tree(String volume, Map<String, List<String>> parameters) {
        return AuditLog.existingVolume(vfs, volume).compose(files -> {
            AuditParameters read = parameters(files, parameters, AuditParameters.PATH_AT);
            return TreeListing.of(files, read.path(false), read.at());
        });
    }

    @Override
    public Future<Buffer> content(String volume, String path, long position, long offset, int length) {
        return AuditLog.existingVolume(vfs, volume).compose(files -> files.stat(VfsPath.parse(path), position)
                .compose(node -> {
                    if (!node.isFile()) {
                        return Future.failedFuture(new VfsException.IsADirectory(path + " is not a file"));
                    }
                    return offset >= node.size() ? Future.succeededFuture(Buffer.buffer())
                            : files.read(node.content(), offset, length);
                }));
    }

    /** Streams a file as of {@code at} (or now) as an attachment, for a browser to save. */
    Future<Void> download(HttpServerRequest request, String volume, Map<String, List<String>> parameters) {
        return AuditLog.existingVolume(vfs, volume).compose(files -> {
            AuditParameters read = parameters(files, parameters, AuditParameters.PATH_AT);
            return RevisionDownload.send(request, files, read.path(true), read.at());
        });
    }

    private static AuditParameters parameters(Volume volume, Map<String, List<String>> values, Set<String> known) {
        return new AuditParameters(volume, values, System.currentTimeMillis()).allowOnly(known);
    }
}
