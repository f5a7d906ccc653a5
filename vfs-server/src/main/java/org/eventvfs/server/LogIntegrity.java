package org.eventvfs.server;

import java.util.ArrayList;
import java.util.List;
import org.eventvfs.CheckpointCheck;
import org.eventvfs.CheckpointHead;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.ChainReport;

/**
 * {@code vfs verify} of the hash chains and {@code vfs checkpoint} as the admin socket carries
 * them: reports with hashes as hex, the same whether the command ran on the stores or through a
 * server, and the lines the commands print.
 */
final class LogIntegrity {
    static final String CHAINS = "/v1/log/verify";
    static final String HEADS = "/v1/log/heads";
    static final String CHECKPOINT = "/v1/log/checkpoint";

    private LogIntegrity() {
    }

    /** A stream's chain: intact up to {@code intactThrough}, wrong at {@code firstBadPosition} if that is not 0. */
    record ChainResult(String stream, long intactThrough, String intactHash, long firstBadPosition, String problem,
                       String note) {
        static ChainResult of(ChainReport report) {
            return new ChainResult(report.stream(), report.intactThrough(), report.intactHash().hex(),
                    report.firstBadPosition(), report.problem(), report.note());
        }

        boolean intact() {
            return problem == null;
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (intact()) {
                lines.add(label(stream) + ": " + String.format("%,d", intactThrough) + " events, chain intact, head @"
                        + intactThrough + " " + intactHash);
            } else {
                lines.add(label(stream) + ": DAMAGED at position " + firstBadPosition + ": " + problem
                        + " (intact through @" + intactThrough + " " + intactHash + ")");
            }
            if (note != null) {
                lines.add(label(stream) + ": note: " + note);
            }
            return lines;
        }
    }

    /** A stream's head, as a checkpoint records it. */
    record Head(String stream, long position, String hash) {
        static Head of(CheckpointHead head) {
            return new Head(head.stream(), head.position(), head.hash().hex());
        }

        CheckpointHead toCheckpointHead() {
            return new CheckpointHead(stream, position, Sha256.parse(hash));
        }
    }

    /** Whether a stream still holds a checkpoint's head; {@code problem} says why not. */
    record HeadCheck(Head head, String problem) {
        static HeadCheck of(CheckpointCheck check) {
            return new HeadCheck(Head.of(check.head()), check.problem());
        }

        String line() {
            String where = label(head.stream()) + ": ";
            return problem == null
                    ? where + "holds the checkpoint's head @" + head.position() + " " + head.hash()
                            + ", chain intact up to it"
                    : where + "FAILS the checkpoint (@" + head.position() + "): " + problem;
        }
    }

    /** {@code volume NAME}, or {@code accounts stream @accounts}. */
    static String label(String stream) {
        return stream.equals(EventEnvelope.ACCOUNTS) ? "accounts stream " + stream : "volume " + stream;
    }
}
