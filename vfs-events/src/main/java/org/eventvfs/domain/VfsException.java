package org.eventvfs.domain;

/**
 * The errors a file-system operation can end with. Each adapter maps each subclass to exactly one
 * protocol status, in one place.
 */
public abstract sealed class VfsException extends RuntimeException {
    protected VfsException(String message) {
        super(message, null, false, false);
    }

    protected VfsException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The path or node does not exist. */
    public static final class NotFound extends VfsException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The name is taken and replacing was not allowed. */
    public static final class AlreadyExists extends VfsException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** A directory that must be empty is not. */
    public static final class NotEmpty extends VfsException {
        public NotEmpty(String message) {
            super(message);
        }
    }

    /** A directory was needed. */
    public static final class NotADirectory extends VfsException {
        public NotADirectory(String message) {
            super(message);
        }
    }

    /** Something other than a directory was needed. */
    public static final class IsADirectory extends VfsException {
        public IsADirectory(String message) {
            super(message);
        }
    }

    /** The actor may not do this. */
    public static final class PermissionDenied extends VfsException {
        public PermissionDenied(String message) {
            super(message);
        }
    }

    /** The operation contradicts the tree, e.g. moving a directory into itself. */
    public static final class Conflict extends VfsException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** A lease (a WebDAV lock) held by someone else forbids it. */
    public static final class Locked extends VfsException {
        public Locked(String message) {
            super(message);
        }
    }

    /** A name or path is malformed. */
    public static final class InvalidName extends VfsException {
        public InvalidName(String message) {
            super(message);
        }
    }

    /** Storage failed; the command was not applied. */
    public static final class Unavailable extends VfsException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
