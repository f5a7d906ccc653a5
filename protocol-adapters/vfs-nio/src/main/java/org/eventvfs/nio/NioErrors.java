package org.eventvfs.nio;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * The one table from core errors to the java.nio.file exceptions, which SSHD and FtpServer in turn
 * map to their protocols' status codes.
 */
final class NioErrors {
    private NioErrors() {
    }

    static IOException of(VfsException e, Path path, Path other) {
        String file = path == null ? null : path.toString();
        String second = other == null ? null : other.toString();
        return switch (e) {
            case VfsException.NotFound n -> new NoSuchFileException(file, second, n.getMessage());
            case VfsException.AlreadyExists a -> new FileAlreadyExistsException(other != null ? second : file, null,
                    a.getMessage());
            case VfsException.NotEmpty n -> new DirectoryNotEmptyException(other != null ? second : file);
            case VfsException.NotADirectory n -> new NotDirectoryException(file);
            case VfsException.IsADirectory i -> new FileSystemException(file, second, "Is a directory");
            case VfsException.PermissionDenied p -> new AccessDeniedException(file, second, p.getMessage());
            case VfsException.Locked l -> new AccessDeniedException(file, second, l.getMessage());
            case VfsException.Conflict c -> new FileSystemException(file, second, c.getMessage());
            case VfsException.InvalidName i -> new FileSystemException(file, second, i.getMessage());
            case VfsException.Unavailable u -> new IOException(u.getMessage(), u);
        };
    }

    /** Why every change in the history folder is refused. */
    static final String HISTORY_READ_ONLY = "the history folder is read-only";

    /** A path as resolution found it, or the error a client understands (a loop, a bad name). */
    static VfsPath resolved(Future<VfsPath> resolution, Path path) throws IOException {
        try {
            return resolution.await();
        } catch (VfsException.Conflict loop) {
            throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
        } catch (VfsException.InvalidName e) {
            throw new FileSystemException(path.toString(), null, e.getMessage());
        }
    }

    static AccessDeniedException historyReadOnly(Path path, Path other) {
        return new AccessDeniedException(String.valueOf(path), other == null ? null : other.toString(),
                HISTORY_READ_ONLY);
    }

    static AccessDeniedException readOnly(Path path) {
        return new AccessDeniedException(String.valueOf(path), null, "this user has read-only access");
    }
}
