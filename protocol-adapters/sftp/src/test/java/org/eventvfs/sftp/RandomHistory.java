package org.eventvfs.sftp;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Random;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * A seeded stream of changes inside one home, over a few names so that they collide: folders made,
 * files written with real content, moves, copies, removals, modes and times changed, and links
 * that point inside, outside ({@code ../../..}, {@code /}) and at themselves. A command the volume
 * refuses is skipped, as a client's failed request would be.
 */
final class RandomHistory {
    private static final List<String> DIRECTORIES = List.of("d0", "d1", "d2");
    private static final List<String> FILES = List.of("f0", "f1", "f2", "f3");
    private static final List<String> LINK_TARGETS = List.of("f0", "d0", "../f1", "/d1/f2", "../../../..", "/",
            "l0", "d0/l1");

    private final Volume volume;
    private final VfsPath home;
    private final Random random;

    RandomHistory(Volume volume, VfsPath home, long seed) {
        this.volume = volume;
        this.home = home;
        this.random = new Random(seed);
    }

    /** Applies {@code count} random commands (refused ones included). */
    void run(int count) {
        for (int i = 0; i < count; i++) {
            try {
                volume.execute(next(), Actor.cli("history-test")).await();
            } catch (VfsException refused) {
                // A collision, as intended: the volume changed nothing.
            }
        }
    }

    private VolumeCommand next() {
        int kind = random.nextInt(20);
        if (kind < 4) {
            return new VolumeCommand.CreateDirectory(directory(), random.nextBoolean() ? 0755 : 0700);
        }
        if (kind < 10) {
            return new VolumeCommand.CommitContent(file(), content(), random.nextBoolean() ? 0644 : 0600,
                    Overwrite.REPLACE, random.nextBoolean() ? null : 1_600_000_000_000L + random.nextInt(1 << 30));
        }
        return switch (kind) {
            case 10, 11 -> new VolumeCommand.Move(any(), any(), random.nextBoolean() ? Overwrite.REPLACE
                    : Overwrite.NEVER);
            case 12 -> new VolumeCommand.Remove(any(), RemoveMode.RECURSIVE);
            case 13 -> new VolumeCommand.Remove(file(), RemoveMode.NON_DIRECTORY_ONLY);
            case 14, 15 -> new VolumeCommand.SetAttributes(any(), random.nextBoolean() ? 0640 : 0751, null,
                    random.nextBoolean() ? null : 1_500_000_000_000L + random.nextInt(1 << 30));
            case 16, 17 -> new VolumeCommand.CreateSymlink(random.nextBoolean() ? link() : file(),
                    LINK_TARGETS.get(random.nextInt(LINK_TARGETS.size())));
            default -> new VolumeCommand.Copy(any(), any(), Overwrite.NEVER,
                    random.nextBoolean() ? CopyDepth.INFINITE : CopyDepth.NODE_ONLY);
        };
    }

    private VfsPath directory() {
        VfsPath path = home.resolve(pick(DIRECTORIES));
        return random.nextInt(3) == 0 ? path.resolve(pick(DIRECTORIES)) : path;
    }

    private VfsPath file() {
        return (random.nextInt(3) == 0 ? home : directory()).resolve(pick(FILES));
    }

    private VfsPath link() {
        return (random.nextBoolean() ? home : directory()).resolve(random.nextBoolean() ? "l0" : "l1");
    }

    private VfsPath any() {
        return switch (random.nextInt(3)) {
            case 0 -> directory();
            case 1 -> file();
            default -> link();
        };
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private Content content() {
        byte[] bytes = new byte[random.nextInt(5000)];
        random.nextBytes(bytes);
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(bytes)).await();
        return upload.finish().await();
    }
}
