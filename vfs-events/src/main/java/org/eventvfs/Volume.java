package org.eventvfs;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;

/**
 * One file tree. Reads answer from the projection at the newest durable position or as of any
 * past one; writes are commands, applied atomically and durably before their future completes.
 */
public interface Volume {
    /** Pass as {@code asOf} to read the newest state. */
    long HEAD = Long.MAX_VALUE;

    String name();

    /** The newest durable position: every read sees at least this. */
    long position();

    /** The time (epoch milliseconds) the event at {@code position} was written; -1 past the head. */
    long timeOf(long position);

    /** The newest position written at or before {@code epochMillis}; 0 (the empty volume) if none was. */
    long positionAt(long epochMillis);

    /** The newest position of each UTC day with changes, oldest day first. */
    List<HistoryPoint> changeDays();

    /**
     * The positions that end the newest {@code count} groups of events written together (a
     * command, or the commands of one group commit), newest first.
     */
    List<HistoryPoint> latestPoints(int count);

    /** Up to {@code max} events of the volume's log from {@code fromPosition} on, in order. */
    Future<List<EventEnvelope>> events(long fromPosition, int max);

    /** The node at {@code path} as of {@code asOf}; fails with NotFound if there is none. */
    Future<Node> stat(VfsPath path, long asOf);

    default Future<Node> stat(VfsPath path) {
        return stat(path, HEAD);
    }

    /** The children of the directory at {@code path}, sorted by name. */
    Future<List<Node>> list(VfsPath path, long asOf);

    default Future<List<Node>> list(VfsPath path) {
        return list(path, HEAD);
    }

    /**
     * The path of the node {@code nodeId} as of {@code asOf}, or null if it did not exist then:
     * nodes keep their id across renames, so this names where a node was at any position.
     */
    VfsPath pathOf(long nodeId, long asOf);

    /**
     * The path {@code path} names once symbolic links are followed (in its last name too if
     * {@code followLast}) with {@code root} as the root of every absolute target, so that no link
     * leads outside {@code root}: how a user confined to a home sees links.
     */
    default Future<VfsPath> resolve(VfsPath root, VfsPath path, boolean followLast) {
        return resolve(root, path.relativize(root).names(), followLast);
    }

    /**
     * As {@link #resolve(VfsPath, VfsPath, boolean)} for the names of a client's path below
     * {@code root}, which may hold {@code .} and {@code ..} ({@code ..} at the root stays there).
     */
    default Future<VfsPath> resolve(VfsPath root, List<String> names, boolean followLast) {
        return resolve(root, names, followLast, HEAD);
    }

    /**
     * As {@link #resolve(VfsPath, List, boolean)} in the tree as of {@code asOf}: the links of that
     * past tree are followed, inside {@code root} as it was then.
     */
    Future<VfsPath> resolve(VfsPath root, List<String> names, boolean followLast, long asOf);

    /** Applies a command with a new id. */
    default Future<Committed> execute(VolumeCommand command, Actor actor) {
        return execute(Ids.newId(), command, actor);
    }

    /** Applies a command; the same id submitted again is answered without being applied twice. */
    default Future<Committed> execute(UUID commandId, VolumeCommand command, Actor actor) {
        return execute(commandId, command, actor, Set.of());
    }

    /**
     * Applies a command for someone who holds the locks whose tokens are {@code lockTokens}. A
     * command that would change what a lock protects fails with Locked unless its token is among
     * them and the lock is the actor's user's.
     */
    Future<Committed> execute(UUID commandId, VolumeCommand command, Actor actor, Set<String> lockTokens);

    /** The volume's write locks (WebDAV LOCK), which every protocol's commands are checked against. */
    VolumeLocks locks();

    /**
     * Fails as {@link #execute} would fail with the command if it were applied now, and changes
     * nothing: for an adapter that must refuse early what it applies later.
     */
    default Future<Void> check(VolumeCommand command, Actor actor) {
        return check(command, actor, Set.of());
    }

    /** As {@link #check(VolumeCommand, Actor)} for someone who holds the locks of {@code lockTokens}. */
    Future<Void> check(VolumeCommand command, Actor actor, Set<String> lockTokens);

    /**
     * The events {@code command} would append if it were applied now, without applying it: what
     * a dry run shows. Fails as {@link #execute} would.
     */
    Future<List<VolumeEvent>> plan(VolumeCommand command, Actor actor);

    /**
     * How to reverse what {@code user} changed from position {@code fromPosition} on: a restore of
     * every path they changed to the position before, leaving alone what others changed since.
     */
    Future<UndoPlan> planUndo(String user, long fromPosition);

    /** A new upload that cuts what it is given into stored blocks, for a later CommitContent. */
    Upload upload();

    /** A staged copy of {@code initial} for writes at any offset (SFTP), sealed into new content. */
    StagedFile stage(Content initial);

    /**
     * Fails with NotFound if a block of {@code content} is no longer stored (a retention policy let
     * gc drop an old revision): for whoever commits a past revision's content again.
     */
    Future<Void> requireStored(Content content);

    /** Up to {@code length} bytes of {@code content} from {@code offset}; fetches only the blocks needed. */
    Future<Buffer> read(Content content, long offset, int length);
}
