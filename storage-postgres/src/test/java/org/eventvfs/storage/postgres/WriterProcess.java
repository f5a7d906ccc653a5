package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;

/**
 * A second server for {@link TwoWritersTest}, in a process of its own: opens the volume, prints
 * {@code ready}, waits for a line on stdin, then sends its commands all at once and prints
 * {@code done REPEATED} (whether the shared command was answered as a repeat).
 *
 * <p>Arguments: events URI, data folder, volume, directory prefix, count, shared command id.
 */
public final class WriterProcess {
    private WriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        Vfs vfs = Vfs.open(vertx, VfsOptions.embedded(Path.of(args[1])).withEvents(URI.create(args[0]))).await();
        Volume volume = vfs.volume(args[2]).await();
        System.out.println("ready");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        List<Future<Committed>> answers = new ArrayList<>();
        Future<Committed> shared = sendAll(volume, args[3], Integer.parseInt(args[4]), UUID.fromString(args[5]),
                answers);
        Future.all(answers).await();
        System.out.println("done " + shared.result().repeated());
        vfs.close().await();
        vertx.close().await();
    }

    /** Sends the shared command and {@code count} directories named after {@code prefix}; answers the shared one. */
    static Future<Committed> sendAll(Volume volume, String prefix, int count, UUID shared,
                                     List<Future<Committed>> answers) {
        Actor actor = new Actor(prefix, "test", "local", "s-" + prefix, null);
        Future<Committed> first = volume.execute(shared, new CreateDirectory(VfsPath.parse("/both"), 0755), actor);
        answers.add(first);
        for (int i = 0; i < count; i++) {
            answers.add(volume.execute(new CreateDirectory(VfsPath.parse("/" + prefix + "-" + i), 0755), actor));
        }
        return first;
    }
}
