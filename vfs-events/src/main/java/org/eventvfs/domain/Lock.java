package org.eventvfs.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A write lock on a path: a lease kept beside the log, never an event. It forbids changes to the
 * locked node (and with {@code deep}, to everything below it) to anyone who does not submit its
 * token, and it ends when unlocked or when {@code expires} passes.
 *
 * @param token the lock token, an {@code urn:uuid:} URI
 * @param root the locked path
 * @param shared a shared lock may coexist with other shared locks; an exclusive one with none
 * @param deep true for WebDAV's Depth: infinity, false for Depth: 0
 * @param owner what the client said about itself (WebDAV's owner XML), or null
 * @param user the user who holds it; only that user's requests may use the token
 * @param timeout how long the lease lasts from its last refresh
 * @param expires when it ends unless refreshed
 */
public record Lock(String token, VfsPath root, boolean shared, boolean deep, String owner, String user,
                   Duration timeout, Instant expires) {
    /** True when this lock protects {@code path}: the locked path itself, or below it if deep. */
    public boolean covers(VfsPath path) {
        return path.equals(root) || deep && path.startsWith(root);
    }

    public Lock refreshedUntil(Instant newExpiry, Duration newTimeout) {
        return new Lock(token, root, shared, deep, owner, user, newTimeout, newExpiry);
    }
}
