package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eventvfs.HistoryPoint;
import org.eventvfs.StagedFile;
import org.eventvfs.UndoPlan;
import org.eventvfs.Upload;
import org.eventvfs.VfsOptions;
import org.eventvfs.VfsStats;
import org.eventvfs.Volume;
import org.eventvfs.VolumeLocks;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Decider;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.LinkResolution;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodePaths;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.EventStore;

/** A volume served from its in-memory {@link TreeProjection}, written through its {@link StreamWriter}. */
public final class ProjectedVolume implements Volume {
    private final String name;
    private final TreeProjection projection;
    private final StreamWriter<GuardedCommand, VolumeEvent> writer;
    private final EventStore events;
    private final VfsStats stats;
    private final BlobStore blobs;
    private final ContentReader reader;
    private final Vertx vertx;
    private final VfsOptions options;
    private final VolumeSnapshots snapshots;
    private final LeaseTable locks;

    ProjectedVolume(String name, TreeProjection projection, StreamWriter<GuardedCommand, VolumeEvent> writer,
                    LeaseTable locks, EventStore events, BlobStore blobs, Vertx vertx, VfsOptions options,
                    VolumeSnapshots snapshots, VfsStats stats) {
        this.events = events;
        this.stats = stats;
        this.locks = locks;
        this.name = name;
        this.projection = projection;
        this.writer = writer;
        this.blobs = blobs;
        this.reader = new ContentReader(blobs);
        this.vertx = vertx;
        this.options = options;
        this.snapshots = snapshots;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long position() {
        return projection.durablePosition();
    }

    /** The projection itself, for tests and benchmarks that compare it with a replay. */
    public TreeProjection projection() {
        return projection;
    }

    @Override
    public long timeOf(long position) {
        return projection.timeOf(position);
    }

    @Override
    public long positionAt(long epochMillis) {
        return projection.positionAt(epochMillis);
    }

    @Override
    public List<HistoryPoint> changeDays() {
        return projection.changeDays();
    }

    @Override
    public List<HistoryPoint> latestPoints(int count) {
        return projection.latestPoints(count);
    }

    @Override
    public Future<List<EventEnvelope>> events(long fromPosition, int max) {
        long head = projection.durablePosition();
        if (fromPosition > head || max <= 0) {
            return Future.succeededFuture(List.of());
        }
        // Never past the durable head: a reader must not see what a failed append may take back.
        int count = (int) Math.min(max, head - Math.max(fromPosition, 1) + 1);
        return events.read(name, Math.max(fromPosition, 1), count);
    }

    @Override
    public Future<Node> stat(VfsPath path, long asOf) {
        Node node = view(asOf).lookup(path);
        return node == null ? Future.failedFuture(new VfsException.NotFound("no such file or directory: " + path))
                : Future.succeededFuture(node);
    }

    @Override
    public VfsPath pathOf(long nodeId, long asOf) {
        return NodePaths.of(view(asOf), nodeId);
    }


    @Override
    public Future<List<Node>> list(VfsPath path, long asOf) {
        TreeView view = view(asOf);
        Node node = view.lookup(path);
        if (node == null) {
            return Future.failedFuture(new VfsException.NotFound("no such directory: " + path));
        }
        if (!node.isDirectory()) {
            return Future.failedFuture(new VfsException.NotADirectory(path + " is not a directory"));
        }
        List<Node> children = view.children(node.id());
        children.sort(Comparator.comparing(Node::name));
        return Future.succeededFuture(children);
    }

    @Override
    public Future<VfsPath> resolve(VfsPath root, List<String> names, boolean followLast, long asOf) {
        try {
            return Future.succeededFuture(LinkResolution.resolve(view(asOf), root, names, followLast));
        } catch (VfsException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<Committed> execute(UUID commandId, VolumeCommand command, Actor actor, Set<String> lockTokens) {
        Future<Committed> answer = command instanceof VolumeCommand.Restore
                ? decideAtHead(command, actor, lockTokens).compose(this::requireStored)
                        .compose(stored -> submit(commandId, command, actor, lockTokens))
                : submit(commandId, command, actor, lockTokens);
        return answer.onComplete(done -> stats.commandAnswered(done.cause()));
    }

    private Future<Committed> submit(UUID commandId, VolumeCommand command, Actor actor, Set<String> lockTokens) {
        return writer.submit(commandId, new GuardedCommand(command, lockTokens), actor).onSuccess(c -> {
            releaseLocksOfMoved(command);
            snapshots.maybeSnapshot(this);
        });
    }

    @Override
    public VolumeLocks locks() {
        return locks;
    }

    /** A lock belongs to a path: it neither follows a moved node nor outlives a removed one (RFC 4918 §7.7). */
    private void releaseLocksOfMoved(VolumeCommand command) {
        switch (command) {
            case VolumeCommand.Remove r -> locks.dropWithin(r.path());
            case VolumeCommand.Move m -> locks.dropWithin(m.path());
            default -> {
            }
        }
    }

    @Override
    public Future<Void> check(VolumeCommand command, Actor actor, Set<String> lockTokens) {
        return decideAtHead(command, actor, lockTokens).mapEmpty();
    }

    @Override
    public Future<List<VolumeEvent>> plan(VolumeCommand command, Actor actor) {
        return decideAtHead(command, actor, Set.of());
    }

    /** The events the command would get at the durable head; appends nothing. */
    private Future<List<VolumeEvent>> decideAtHead(VolumeCommand command, Actor actor, Set<String> lockTokens) {
        try {
            TreeView tree = projection.head();
            new LockGuard(locks).check(tree, command, actor, lockTokens);
            return Future.succeededFuture(Decider.decide(tree, command, actor, options.clock().getAsLong()));
        } catch (VfsException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<UndoPlan> planUndo(String user, long fromPosition) {
        return UndoPlanner.plan(this, projection, user, fromPosition);
    }

    @Override
    public Upload upload() {
        return new BlockUpload(vertx, blobs, options.blockSize());
    }

    @Override
    public StagedFile stage(Content initial) {
        return new TempStagedFile(vertx, options.dataDirectory().resolve("staging"), reader,
                () -> new BlockUpload(vertx, blobs, options.blockSize()), initial);
    }

    @Override
    public Future<Void> requireStored(Content content) {
        List<Future<Boolean>> checks = new ArrayList<>(content.blocks().size());
        for (BlockRef block : content.blocks()) {
            checks.add(blobs.contains(block.hash()));
        }
        return Future.all(checks).compose(all -> all.<Boolean>list().contains(false)
                ? Future.failedFuture(new VfsException.NotFound("the content of that revision (sha256 "
                        + content.sha256().hex() + ") is no longer stored: the retention policy let gc drop it"))
                : Future.succeededFuture());
    }

    /** Every content a restore would commit again must still be stored, or the files it makes are broken. */
    private Future<Void> requireStored(List<VolumeEvent> events) {
        List<Future<Void>> checks = new ArrayList<>();
        for (VolumeEvent event : events) {
            switch (event) {
                case VolumeEvent.ContentCommitted e -> checks.add(requireStored(e.content()));
                case VolumeEvent.TreeCopied e -> e.nodes().stream().filter(n -> n.content() != null)
                        .forEach(n -> checks.add(requireStored(n.content())));
                default -> {
                }
            }
        }
        return Future.all(checks).mapEmpty();
    }

    @Override
    public Future<Buffer> read(Content content, long offset, int length) {
        return reader.read(content, offset, length);
    }

    /** Writes a snapshot of the projection now. */
    public Future<Void> snapshot() {
        return snapshots.snapshot(this);
    }

    StreamWriter<GuardedCommand, VolumeEvent> writer() {
        return writer;
    }

    private TreeView view(long asOf) {
        return asOf == HEAD ? projection.head() : projection.asOf(asOf);
    }
}
