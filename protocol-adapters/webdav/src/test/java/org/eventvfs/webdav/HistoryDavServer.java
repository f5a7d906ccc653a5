package org.eventvfs.webdav;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.testkit.AdapterStores;
import org.eventvfs.testkit.TestUsers;

/**
 * The WebDAV adapter over a Vfs whose clock the test moves, so that a history spans days, with the
 * history folder named as asked; users alice and bob as in {@link DavServer}.
 */
final class HistoryDavServer implements AutoCloseable {
    static final String VOLUME = "main";
    static final Actor ALICE = new Actor("alice", "test", "127.0.0.1:1", "s-1", "test");

    final Vertx vertx = Vertx.vertx();
    final Path data;
    final AtomicLong clock = new AtomicLong(Instant.parse("2026-11-01T08:00:00Z").toEpochMilli());
    final Vfs vfs;
    private final List<WebDavAdapter> adapters = new ArrayList<>();

    HistoryDavServer() {
        try {
            data = Files.createTempDirectory("eventvfs-history-dav-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vfs = Vfs.open(vertx, AdapterStores.options(data.resolve("vfs")).withClock(clock::get)).await();
        TestUsers.add(vfs, VOLUME, "alice", DavServer.PASSWORD, List.of(), false);
        TestUsers.add(vfs, VOLUME, "bob", DavServer.PASSWORD, List.of(), false);
    }

    /** Starts one more WebDAV listener on this Vfs with {@code historyFolder}, and returns a client of alice's on it. */
    DavClient start(String historyFolder) {
        WebDavAdapter adapter = new WebDavAdapter();
        adapters.add(adapter);
        String url = adapter.start(new AdapterContext(vertx, vfs, "127.0.0.1", 0, data, Map.of(), historyFolder))
                .await();
        return new DavClient(url, "alice", DavServer.PASSWORD);
    }

    Volume volume() {
        return vfs.volume(VOLUME).await();
    }

    /** Runs a command as alice once the clock has moved on by {@code millis}. */
    Committed execute(long millis, VolumeCommand command) {
        clock.addAndGet(millis);
        return volume().execute(command, ALICE).await();
    }

    /** Writes {@code text} to the file at {@code path} an hour later, and returns the position it made. */
    long write(String path, String text) {
        Upload upload = volume().upload();
        upload.write(Buffer.buffer(text)).await();
        Content content = upload.finish().await();
        execute(3_600_000, new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644, Overwrite.REPLACE,
                null));
        return volume().position();
    }

    /** Runs {@code command} an hour later, and returns the position it made. */
    long then(VolumeCommand command) {
        execute(3_600_000, command);
        return volume().position();
    }

    @Override
    public void close() {
        adapters.forEach(adapter -> adapter.stop().await());
        vfs.close().await();
        vertx.close().await();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
