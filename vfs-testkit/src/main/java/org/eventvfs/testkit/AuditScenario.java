package org.eventvfs.testkit;

import io.vertx.core.buffer.Buffer;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * A small history for the audit tests (queries, commands, HTTP API), written under a root folder:
 * alice (over SFTP from 10.0.0.5) writes {@code a.txt} twice, moves it into {@code docs/} as
 * {@code a2.txt}, changes its mode, copies it to {@code copy.txt}, removes {@code docs/} and
 * aborts an upload of {@code big.bin}; bob (over WebDAV from 10.0.0.9) writes {@code b.txt} in a
 * folder of his own.
 */
public final class AuditScenario {
    public static final Actor ALICE = new Actor("alice", "sftp", "10.0.0.5:40000", "sftp-1", "OpenSSH_9.6");
    public static final Actor BOB = new Actor("bob", "webdav", "10.0.0.9:51000", "webdav-1", "rclone/v1.60");

    /** Alice's folder and bob's. */
    public final String alice;
    public final String bob;
    /** The position of the first write of alice's file, and of the second. */
    public long firstWrite;
    public long secondWrite;
    /** The last position before the folder {@code docs/} was removed. */
    public long beforeRemoval;
    public long head;

    private AuditScenario(String alice, String bob) {
        this.alice = alice;
        this.bob = bob;
    }

    /** Writes the history into {@code alice} and {@code bob}, folders that already exist. */
    public static AuditScenario write(Volume volume, String alice, String bob) {
        AuditScenario s = new AuditScenario(alice, bob);
        s.firstWrite = commit(volume, alice + "/a.txt", "one", ALICE).lastPosition();
        s.secondWrite = commit(volume, alice + "/a.txt", "two!", ALICE).lastPosition();
        commit(volume, bob + "/b.txt", "bob's", BOB);
        run(volume, new VolumeCommand.CreateDirectory(path(alice + "/docs"), 0755), ALICE);
        run(volume, new VolumeCommand.Move(path(alice + "/a.txt"), path(alice + "/docs/a2.txt"), Overwrite.NEVER),
                ALICE);
        run(volume, new VolumeCommand.SetAttributes(path(alice + "/docs/a2.txt"), 0600, null, null), ALICE);
        s.beforeRemoval = run(volume, new VolumeCommand.Copy(path(alice + "/docs/a2.txt"), path(alice + "/copy.txt"),
                Overwrite.NEVER, CopyDepth.INFINITE), ALICE).lastPosition();
        run(volume, new VolumeCommand.Remove(path(alice + "/docs"), RemoveMode.RECURSIVE), ALICE);
        s.head = run(volume, new VolumeCommand.RecordAbortedUpload(path(alice + "/big.bin"), 1234, "connection lost"),
                ALICE).lastPosition();
        return s;
    }

    /** Creates {@code /alice} and {@code /bob} as the system, then writes the history into them. */
    public static AuditScenario write(Volume volume) {
        run(volume, new VolumeCommand.CreateDirectory(path("/alice"), 0755), Actor.SYSTEM);
        run(volume, new VolumeCommand.CreateDirectory(path("/bob"), 0755), Actor.SYSTEM);
        return write(volume, "/alice", "/bob");
    }

    public static VfsPath path(String path) {
        return VfsPath.parse(path);
    }

    public static Committed commit(Volume volume, String path, String text, Actor actor) {
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(text)).await();
        Content content = upload.finish().await();
        return run(volume, new VolumeCommand.CommitContent(path(path), content, 0644, Overwrite.REPLACE, null), actor);
    }

    public static Committed run(Volume volume, VolumeCommand command, Actor actor) {
        return volume.execute(command, actor).await();
    }
}
