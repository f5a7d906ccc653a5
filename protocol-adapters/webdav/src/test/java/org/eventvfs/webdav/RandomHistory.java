package org.eventvfs.webdav;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eventvfs.Upload;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * A seeded random history inside alice's home, through the Volume API: folders made, files written
 * (real content, in stored blocks), moved, copied and removed, dead properties set and removed,
 * over a small name space so that commands collide. The clock moves on between commands by a
 * second to a day and a half, so the history spans days and every command has its own second.
 */
final class RandomHistory {
    static final VfsPath HOME = VfsPath.parse("/home/alice");
    private static final String[] DIRECTORIES = {"d0", "d1", "d2"};
    private static final String[] FILES = {"f0", "f1", "f2", "f3"};

    private final HistoryDavServer server;
    private final Random random;

    RandomHistory(HistoryDavServer server, long seed) {
        this.server = server;
        this.random = new Random(seed);
    }

    /** Runs {@code count} commands; those the volume refuses (a missing parent, a name taken) change nothing. */
    void run(int count) {
        for (int i = 0; i < count; i++) {
            VolumeCommand command = next();
            try {
                server.execute(1_001 + (long) random.nextInt(36 * 3_600_000), command);
            } catch (VfsException refused) {
                // Part of the history too: a refused command appends nothing.
            }
        }
    }

    private VolumeCommand next() {
        int kind = random.nextInt(20);
        if (kind < 4) {
            return new VolumeCommand.CreateDirectory(directory(), 0755);
        }
        if (kind < 10) {
            return new VolumeCommand.CommitContent(file(), content(), random.nextBoolean() ? 0644 : 0600,
                    Overwrite.REPLACE, random.nextInt(4) == 0 ? 1_000_000_000_000L + random.nextInt(1 << 30) : null);
        }
        if (kind < 13) {
            VfsPath from = random.nextBoolean() ? file() : directory();
            return new VolumeCommand.Move(from, random.nextBoolean() ? file() : directory(), Overwrite.REPLACE_TREE);
        }
        if (kind < 15) {
            return new VolumeCommand.Remove(random.nextBoolean() ? file() : directory(), RemoveMode.RECURSIVE);
        }
        if (kind < 16) {
            return new VolumeCommand.Copy(directory(), directory(), Overwrite.REPLACE_TREE,
                    CopyDepth.INFINITE);
        }
        String name = "{urn:test}p" + random.nextInt(2);
        return new VolumeCommand.SetProperties(random.nextBoolean() ? file() : directory(),
                random.nextBoolean() ? Map.of(name, "v" + random.nextInt(100)) : Map.of(),
                random.nextBoolean() ? Set.of(name) : Set.of());
    }

    private VfsPath directory() {
        VfsPath path = HOME;
        for (int depth = 1 + random.nextInt(2); depth > 0; depth--) {
            path = path.resolve(DIRECTORIES[random.nextInt(DIRECTORIES.length)]);
        }
        return path;
    }

    private VfsPath file() {
        VfsPath parent = random.nextInt(4) == 0 ? HOME : directory();
        return parent.resolve(FILES[random.nextInt(FILES.length)]);
    }

    /** 0 to 150,000 random bytes, so some files span several 64 KiB blocks. */
    private Content content() {
        int size = random.nextInt(5) == 0 ? random.nextInt(150_000) : random.nextInt(2_000);
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        Upload upload = server.volume().upload();
        upload.write(Buffer.buffer(bytes)).await();
        return upload.finish().await();
    }
}
