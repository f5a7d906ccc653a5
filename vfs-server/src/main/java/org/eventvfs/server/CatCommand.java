package org.eventvfs.server;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.eventvfs.audit.TreeListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vfs cat PATH --at TIME}: a file's bytes as they were then, to standard output, read a
 * piece at a time from the one position the time names.
 */
@Command(name = "cat", description = "Print a file as it was at a time or position.")
final class CatCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Mixin
    PathAtOptions file;

    CatCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        OutputStream out = environment.bytes();
        AuditAccess.run(options.load(environment), audit -> audit.tree(file.volume, file.parameters())
                .compose(listing -> copy(audit, requireFile(listing), 0, out)));
        flush(out);
        return 0;
    }

    private TreeListing requireFile(TreeListing listing) {
        if (!listing.node().kind().equals("file")) {
            throw new CommandFailure(file.path + " was a " + listing.node().kind() + " at @" + listing.position()
                    + ", not a file");
        }
        return listing;
    }

    private Future<Void> copy(AuditOperations audit, TreeListing revision, long offset, OutputStream out) {
        long size = revision.node().size();
        if (offset >= size) {
            return Future.succeededFuture();
        }
        int length = (int) Math.min(AuditOperations.CHUNK, size - offset);
        return audit.content(file.volume, revision.path(), revision.position(), offset, length).compose(bytes -> {
            if (bytes.length() == 0) {
                return Future.failedFuture(new CommandFailure(file.path + ": the content ended at byte " + offset
                        + " of " + size));
            }
            return AuditOutput.offLoop(() -> write(out, bytes.getBytes()))
                    .compose(written -> copy(audit, revision, offset + bytes.length(), out));
        });
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
