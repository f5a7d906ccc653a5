package org.eventvfs.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eventvfs.domain.VolumeCommand.CommitContent;
import org.eventvfs.domain.VolumeCommand.Copy;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeCommand.CreateSymlink;
import org.eventvfs.domain.VolumeCommand.Move;
import org.eventvfs.domain.VolumeCommand.RecordAbortedUpload;
import org.eventvfs.domain.VolumeCommand.Remove;
import org.eventvfs.domain.VolumeCommand.Restore;
import org.eventvfs.domain.VolumeCommand.SetAttributes;
import org.eventvfs.domain.VolumeCommand.SetProperties;
import org.eventvfs.domain.VolumeEvent.AttributesChanged;
import org.eventvfs.domain.VolumeEvent.ContentCommitted;
import org.eventvfs.domain.VolumeEvent.DirectoryCreated;
import org.eventvfs.domain.VolumeEvent.FileCreated;
import org.eventvfs.domain.VolumeEvent.NodeMoved;
import org.eventvfs.domain.VolumeEvent.NodeRemoved;
import org.eventvfs.domain.VolumeEvent.PropertiesChanged;
import org.eventvfs.domain.VolumeEvent.SymlinkCreated;
import org.eventvfs.domain.VolumeEvent.TreeCopied;
import org.eventvfs.domain.VolumeEvent.UploadAborted;

/**
 * Turns a command into the events that carry it out, or refuses it. A pure function of the tree
 * it is given, the command, the actor and the time: no I/O, no clock, no randomness.
 */
public final class Decider {
    private static final int MAX_LINK_TARGET_BYTES = Names.MAX_PATH_BYTES;

    private Decider() {
    }

    /** The events for {@code command}, in order; empty when the command changes nothing. */
    public static List<VolumeEvent> decide(TreeView tree, VolumeCommand command, Actor actor, long now) {
        return switch (command) {
            case CreateDirectory c -> createDirectory(tree, c, actor, now);
            case CreateFile c -> createFile(tree, c, actor, now);
            case CommitContent c -> commitContent(tree, c, actor, now);
            case CreateSymlink c -> createSymlink(tree, c, actor, now);
            case Move c -> move(tree, c, now);
            case Remove c -> remove(tree, c, now);
            case Copy c -> copy(tree, c, actor, now);
            case SetAttributes c -> List.of(new AttributesChanged(existing(tree, c.path()).id(), c.mode(),
                    c.owner(), c.modified()));
            case SetProperties c -> List.of(new PropertiesChanged(existing(tree, c.path()).id(), c.set(),
                    c.removed().stream().sorted().toList()));
            case Restore c -> TreeRestorer.decide(tree, c, now);
            case RecordAbortedUpload c -> List.of(new UploadAborted(parentOf(tree, c.path()).id(),
                    c.path().fileName(), c.received(), c.reason(), now));
        };
    }

    private static List<VolumeEvent> createDirectory(TreeView tree, CreateDirectory c, Actor actor, long now) {
        Node parent = parentOf(tree, c.path());
        if (tree.child(parent.id(), c.path().fileName()) != null) {
            throw new VfsException.AlreadyExists(c.path() + " already exists");
        }
        return List.of(new DirectoryCreated(tree.nextNodeId(), parent.id(), c.path().fileName(), c.mode(),
                actor.user(), now));
    }

    private static List<VolumeEvent> createFile(TreeView tree, CreateFile c, Actor actor, long now) {
        return writeFile(tree, c.path(), Content.EMPTY, c.mode(), c.overwrite(), actor, now);
    }

    private static List<VolumeEvent> commitContent(TreeView tree, CommitContent c, Actor actor, long now) {
        long modified = c.modified() == null ? now : c.modified();
        return writeFile(tree, c.path(), c.content(), c.mode(), c.overwrite(), actor, modified);
    }

    private static List<VolumeEvent> writeFile(TreeView tree, VfsPath path, Content content, int mode,
                                               Overwrite overwrite, Actor actor, long time) {
        Node parent = parentOf(tree, path);
        Node existing = tree.child(parent.id(), path.fileName());
        List<VolumeEvent> events = new ArrayList<>(2);
        if (existing != null) {
            if (existing.isDirectory()) {
                throw new VfsException.IsADirectory(path + " is a directory");
            }
            if (overwrite == Overwrite.NEVER) {
                throw new VfsException.AlreadyExists(path + " already exists");
            }
            if (existing.isFile()) {
                return List.of(new ContentCommitted(existing.id(), content, time));
            }
            events.add(new NodeRemoved(existing.id(), parent.id(), existing.name(), time));
        }
        long id = tree.nextNodeId();
        events.add(new FileCreated(id, parent.id(), path.fileName(), mode, actor.user(), time));
        if (content.size() > 0) {
            events.add(new ContentCommitted(id, content, time));
        }
        return events;
    }

    private static List<VolumeEvent> createSymlink(TreeView tree, CreateSymlink c, Actor actor, long now) {
        String target = c.target();
        if (target == null || target.isEmpty() || target.indexOf(0) >= 0
                || Names.utf8Length(target) > MAX_LINK_TARGET_BYTES) {
            throw new VfsException.InvalidName("a link target must be 1 to " + MAX_LINK_TARGET_BYTES
                    + " UTF-8 bytes without NUL");
        }
        Node parent = parentOf(tree, c.path());
        if (tree.child(parent.id(), c.path().fileName()) != null) {
            throw new VfsException.AlreadyExists(c.path() + " already exists");
        }
        return List.of(new SymlinkCreated(tree.nextNodeId(), parent.id(), c.path().fileName(), target,
                actor.user(), now));
    }

    private static List<VolumeEvent> move(TreeView tree, Move c, long now) {
        Node source = existingNonRoot(tree, c.path(), "moved");
        if (c.target().equals(c.path())) {
            return List.of();
        }
        refuseCycles(c.path(), c.target(), source);
        Node parent = parentOf(tree, c.target());
        List<VolumeEvent> events = new ArrayList<>(2);
        Node replaced = tree.child(parent.id(), c.target().fileName());
        if (replaced != null) {
            checkReplaceable(tree, source, replaced, c.target(), c.overwrite());
            events.add(new NodeRemoved(replaced.id(), parent.id(), replaced.name(), now));
        }
        events.add(new NodeMoved(source.id(), source.parentId(), source.name(), parent.id(),
                c.target().fileName(), now));
        return events;
    }

    private static List<VolumeEvent> remove(TreeView tree, Remove c, long now) {
        Node node = existingNonRoot(tree, c.path(), "removed");
        switch (c.mode()) {
            case NON_DIRECTORY_ONLY -> {
                if (node.isDirectory()) {
                    throw new VfsException.IsADirectory(c.path() + " is a directory");
                }
            }
            case EMPTY_DIRECTORY_ONLY -> {
                if (!node.isDirectory()) {
                    throw new VfsException.NotADirectory(c.path() + " is not a directory");
                }
                if (tree.hasChildren(node.id())) {
                    throw new VfsException.NotEmpty(c.path() + " is not empty");
                }
            }
            case RECURSIVE -> {
            }
        }
        return List.of(new NodeRemoved(node.id(), node.parentId(), node.name(), now));
    }

    private static List<VolumeEvent> copy(TreeView tree, Copy c, Actor actor, long now) {
        Node source = existing(tree, c.path());
        if (c.target().equals(c.path()) || c.target().isRoot()) {
            throw new VfsException.Conflict("cannot copy " + c.path() + " onto " + c.target());
        }
        refuseCycles(c.path(), c.target(), source);
        Node parent = parentOf(tree, c.target());
        List<VolumeEvent> events = new ArrayList<>(2);
        Node replaced = tree.child(parent.id(), c.target().fileName());
        if (replaced != null) {
            checkReplaceable(tree, source, replaced, c.target(), c.overwrite());
            events.add(new NodeRemoved(replaced.id(), parent.id(), replaced.name(), now));
        }
        events.add(new TreeCopied(source.id(), copiedNodes(tree, source, parent.id(), c.target().fileName(),
                c.depth(), actor, now)));
        return events;
    }

    /** The copies of {@code source} and (for INFINITE) its descendants, each parent before its children. */
    private static List<Node> copiedNodes(TreeView tree, Node source, long parentId, String name, CopyDepth depth,
                                          Actor actor, long now) {
        List<Node> copies = new ArrayList<>();
        long nextId = tree.nextNodeId();
        Deque<Node[]> pending = new ArrayDeque<>();
        pending.add(new Node[] {source, copyOf(source, nextId++, parentId, name, actor, now)});
        while (!pending.isEmpty()) {
            Node[] pair = pending.removeFirst();
            copies.add(pair[1]);
            if (pair[0].isDirectory() && depth == CopyDepth.INFINITE) {
                for (Node child : tree.children(pair[0].id())) {
                    pending.add(new Node[] {child, copyOf(child, nextId++, pair[1].id(), child.name(), actor, now)});
                }
            }
        }
        return copies;
    }

    private static Node copyOf(Node source, long id, long parentId, String name, Actor actor, long now) {
        return new Node(id, parentId, name, source.kind(), source.mode(), actor.user(), now, source.modified(),
                source.content(), source.target(), source.properties());
    }

    private static void refuseCycles(VfsPath source, VfsPath target, Node sourceNode) {
        if (sourceNode.isDirectory() && target.startsWith(source)) {
            throw new VfsException.Conflict("cannot put " + source + " inside itself at " + target);
        }
        if (source.startsWith(target)) {
            throw new VfsException.Conflict("cannot replace " + target + ", an ancestor of " + source);
        }
    }

    private static void checkReplaceable(TreeView tree, Node source, Node replaced, VfsPath target,
                                         Overwrite overwrite) {
        switch (overwrite) {
            case NEVER -> throw new VfsException.AlreadyExists(target + " already exists");
            case REPLACE -> {
                if (source.isDirectory() && !replaced.isDirectory()) {
                    throw new VfsException.NotADirectory(target + " is not a directory");
                }
                if (!source.isDirectory() && replaced.isDirectory()) {
                    throw new VfsException.IsADirectory(target + " is a directory");
                }
                if (replaced.isDirectory() && tree.hasChildren(replaced.id())) {
                    throw new VfsException.NotEmpty(target + " is not empty");
                }
            }
            case REPLACE_TREE -> {
            }
        }
    }

    private static Node existing(TreeView tree, VfsPath path) {
        Node node = tree.lookup(path);
        if (node == null) {
            parentOf(tree, path);
            throw new VfsException.NotFound("no such file or directory: " + path);
        }
        return node;
    }

    private static Node existingNonRoot(TreeView tree, VfsPath path, String verb) {
        if (path.isRoot()) {
            throw new VfsException.PermissionDenied("the root directory cannot be " + verb);
        }
        return existing(tree, path);
    }

    /** The directory that holds {@code path}, or the error a POSIX system would give. */
    private static Node parentOf(TreeView tree, VfsPath path) {
        if (path.isRoot()) {
            throw new VfsException.AlreadyExists("/ already exists");
        }
        Node node = tree.node(Node.ROOT_ID);
        VfsPath walked = VfsPath.root();
        for (int i = 0; i < path.depth() - 1; i++) {
            walked = walked.resolve(path.name(i));
            node = tree.child(node.id(), path.name(i));
            if (node == null) {
                throw new VfsException.NotFound("no such directory: " + walked);
            }
            if (!node.isDirectory()) {
                throw new VfsException.NotADirectory(walked + " is not a directory");
            }
        }
        return node;
    }
}
