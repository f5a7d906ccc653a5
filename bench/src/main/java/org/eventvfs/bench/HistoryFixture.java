package org.eventvfs.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * Writes the data folder {@code bench/run history} serves: user {@code bench} (the given public
 * key) with a home of {@value #FOLDERS} folders of {@value #FILES} files, whose every file is then
 * rewritten and renamed back and forth until the log holds about {@code events} events, so a
 * position in the middle of the log is a state every file has moved on from. Prints the middle
 * position.
 *
 * <p>Usage: {@code HistoryFixture DATA_FOLDER PUBLIC_KEY_FILE EVENTS}
 */
public final class HistoryFixture {
    static final int FOLDERS = 100;
    static final int FILES = 100;
    private static final int IN_FLIGHT = 512;
    private static final Actor ACTOR = Actor.cli("bench");
    private static final VfsPath HOME = VfsPath.parse("/bench");

    private HistoryFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String key = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip();
        long events = Long.parseLong(args[2]);
        Vertx vertx = Vertx.vertx();
        try {
            Vfs vfs = Vfs.open(vertx, VfsOptions.embedded(data)).await();
            vfs.accounts().execute(new AccountCommand.AddUser("bench", null, List.of(key), "default", HOME, false,
                    false), ACTOR).await();
            Volume volume = vfs.volume("default").await();
            List<Content> contents = contents(volume);
            long middle = write(volume, contents, events);
            vfs.close().await();
            System.out.println(middle);
        } finally {
            vertx.close().await();
        }
    }

    /** Sixteen small contents, stored once and shared by every revision. */
    private static List<Content> contents(Volume volume) {
        List<Content> contents = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Upload upload = volume.upload();
            upload.write(Buffer.buffer(("revision " + i + "\n").repeat(64))).await();
            contents.add(upload.finish().await());
        }
        return contents;
    }

    private static long write(Volume volume, List<Content> contents, long events) {
        volume.execute(new VolumeCommand.CreateDirectory(HOME, 0755), ACTOR).await();
        List<VolumeCommand> batch = new ArrayList<>();
        for (int d = 0; d < FOLDERS; d++) {
            batch.add(new VolumeCommand.CreateDirectory(folder(d), 0755));
        }
        run(volume, batch);
        for (int d = 0; d < FOLDERS; d++) {
            for (int f = 0; f < FILES; f++) {
                batch.add(commit(d, f, contents.get(f % contents.size())));
            }
        }
        run(volume, batch);
        long middle = 0;
        for (int round = 1; volume.position() < events; round++) {
            for (int d = 0; d < FOLDERS; d++) {
                for (int f = 0; f < FILES; f++) {
                    batch.add(commit(d, f, contents.get((f + round) % contents.size())));
                }
                if (round % 4 == 0) {
                    batch.add(rename(folder(d).resolve("f000"), folder(d).resolve("renamed")));
                    batch.add(rename(folder(d).resolve("renamed"), folder(d).resolve("f000")));
                }
            }
            run(volume, batch);
            if (middle == 0 && volume.position() >= events / 2) {
                middle = volume.position();
            }
        }
        return middle;
    }

    private static VfsPath folder(int d) {
        return HOME.resolve(String.format("d%03d", d));
    }

    private static VolumeCommand commit(int d, int f, Content content) {
        return new VolumeCommand.CommitContent(folder(d).resolve(String.format("f%03d", f)), content, 0644,
                Overwrite.REPLACE, null);
    }

    private static VolumeCommand rename(VfsPath from, VfsPath to) {
        return new VolumeCommand.Move(from, to, Overwrite.NEVER);
    }

    /** Keeps {@value #IN_FLIGHT} commands in flight, so the writer commits them in groups. */
    private static void run(Volume volume, List<VolumeCommand> commands) {
        List<Future<?>> window = new ArrayList<>(IN_FLIGHT);
        for (VolumeCommand command : commands) {
            window.add(volume.execute(command, ACTOR));
            if (window.size() == IN_FLIGHT) {
                Future.all(window).await();
                window.clear();
            }
        }
        Future.all(window).await();
        commands.clear();
    }
}
