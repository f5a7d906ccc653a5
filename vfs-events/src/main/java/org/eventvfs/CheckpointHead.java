package org.eventvfs;

import org.eventvfs.domain.Sha256;

/** The newest event of a stream at some moment, as a checkpoint records it: a stream must keep holding it. */
public record CheckpointHead(String stream, long position, Sha256 hash) {
}
