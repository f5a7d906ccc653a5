package org.eventvfs.webdav;

import org.eventvfs.domain.VfsException;

/**
 * A request answered with an HTTP error status, optionally naming the RFC 4918 precondition or
 * postcondition that failed (sent back as {@code <D:error>}).
 */
final class DavException extends RuntimeException {
    private final int status;
    private final String condition;
    private final String reason;

    DavException(int status, String message) {
        this(status, null, message);
    }

    DavException(int status, String condition, String message) {
        this(status, condition, message, null);
    }

    /**
     * @param reason the status line's reason phrase instead of the usual one: what clients that
     *        show no body (cadaver, davfs2's log) print
     */
    DavException(int status, String condition, String message, String reason) {
        super(message, null, false, false);
        this.status = status;
        this.condition = condition;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    /** The reason phrase to send, or null for the usual one. */
    String reason() {
        return reason;
    }

    /** The local name of a DAV: precondition element, or null. */
    String condition() {
        return condition;
    }

    /** The status a failure from the volume earns; anything unexpected is a 500. */
    static DavException from(Throwable failure) {
        return switch (failure) {
            case DavException dav -> dav;
            case VfsException.NotFound e -> new DavException(404, e.getMessage());
            case VfsException.AlreadyExists e -> new DavException(405, e.getMessage());
            case VfsException.NotEmpty e -> new DavException(409, e.getMessage());
            case VfsException.NotADirectory e -> new DavException(409, e.getMessage());
            case VfsException.IsADirectory e -> new DavException(409, e.getMessage());
            case VfsException.PermissionDenied e -> new DavException(403, e.getMessage());
            case VfsException.Conflict e -> new DavException(409, e.getMessage());
            case VfsException.Locked e -> new DavException(423, "lock-token-submitted", e.getMessage());
            case VfsException.InvalidName e -> new DavException(400, e.getMessage());
            case VfsException.Unavailable e -> new DavException(503, e.getMessage());
            default -> new DavException(500, "internal error: " + failure);
        };
    }
}
