package org.eventvfs.domain;

/** How much of a directory a copy takes (WebDAV COPY's Depth header, RFC 4918 §9.8.3). */
public enum CopyDepth {
    /** The node alone: a directory becomes an empty one. */
    NODE_ONLY,
    /** The node and everything below it. */
    INFINITE
}
