package org.eventvfs.domain;

/** What a node is. */
public enum NodeKind {
    DIRECTORY, FILE, SYMLINK
}
