package org.eventvfs.server;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/** A few commands on a volume, one event batch each, so a log has several frames to damage. */
final class SmallHistory {
    static final Actor ACTOR = new Actor("tester", "test", "127.0.0.1", "s-1", "junit");

    private SmallHistory() {
    }

    /** Writes {@code text} as the content of the file at {@code path}, replacing any it had, as {@code actor}. */
    static void commit(Volume volume, String path, String text, Actor actor) {
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(text)).await();
        Content content = upload.finish().await();
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644, Overwrite.REPLACE, null),
                actor).await();
    }

    /**
     * Creates folders {@code /d1 … /dN} (positions 1 to N if the volume is new), then a file in
     * each with content of its own; answers the hex names of the blocks stored.
     */
    static List<String> write(Vfs vfs, String volumeName, int folders) {
        Volume volume = vfs.volume(volumeName).await();
        for (int i = 1; i <= folders; i++) {
            volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/d" + i), 0755), ACTOR).await();
        }
        List<String> blocks = new ArrayList<>();
        for (int i = 1; i <= folders; i++) {
            byte[] bytes = new byte[3000 + i];
            new Random(i).nextBytes(bytes);
            Upload upload = volume.upload();
            upload.write(Buffer.buffer(bytes)).await();
            Content content = upload.finish().await();
            volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/d" + i + "/f"), content, 0644,
                    Overwrite.NEVER, null), ACTOR).await();
            content.blocks().stream().map(BlockRef::hash).map(h -> h.hex()).forEach(blocks::add);
        }
        return blocks;
    }
}
