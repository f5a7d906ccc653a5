package org.eventvfs.domain;

/** What a move, copy or content commit does when its target name is taken. */
public enum Overwrite {
    /** Fail with {@link VfsException.AlreadyExists}. */
    NEVER,
    /**
     * Replace the target atomically by POSIX rename(2) rules: a directory replaces only an empty
     * directory, anything else replaces only a non-directory.
     */
    REPLACE,
    /** Remove the target with everything below it first, as WebDAV's "Overwrite: T" (RFC 4918 §10.6). */
    REPLACE_TREE
}
