package org.eventvfs.nio;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * Where the file system's semantics live (the provider only checks and delegates): resolving
 * paths inside the home, following links, and turning each operation into one call on the volume.
 *
 * <p>The home is the root: {@code ..} at the root stays at the root and an absolute link target
 * starts at the home, as in a chroot, so no path and no link can reach outside it.
 */
final class VolumeView {
    private final Volume volume;
    private final VfsPath home;
    private final Actor actor;
    private final boolean readOnly;
    private final PastTrees past;
    /** Files opened to be created that wait for their channel's first commit to come into being. */
    private final Set<NewFile> waiting = ConcurrentHashMap.newKeySet();

    /** The writable channel last opened on each file, so a time set on the file can go with its commit. */
    private final Map<VfsPath, VfsFileChannel> writers = new ConcurrentHashMap<>();

    /** A file an open channel will create. */
    record NewFile(VfsPath path, int mode, Path shown) {
    }

    /** @param historyFolder the name of the read-only folder of past trees in the home, or empty for none */
    VolumeView(Volume volume, VfsPath home, Actor actor, boolean readOnly, String historyFolder) {
        this.volume = volume;
        this.home = home;
        this.actor = actor;
        this.readOnly = readOnly;
        this.past = new PastTrees(volume, home, historyFolder);
    }

    Volume volume() {
        return volume;
    }

    Actor actor() {
        return actor;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** The node at {@code path}, or NoSuchFileException. */
    Node node(VfsNioPath path, Links links) throws IOException {
        return node(locate(path, links), path);
    }

    /** The node at a place, or NoSuchFileException. */
    Node node(Place place, Path shown) throws IOException {
        return place instanceof Place.Live live ? stat(live.path(), shown) : past.node(place, shown);
    }

    /** Where {@code path} leads: the live tree, or the history folder. */
    Place locate(VfsNioPath path, Links links) throws IOException {
        VfsPath resolved = resolve(path, links);
        return past.contains(resolved) ? past.place(resolved, links, path) : new Place.Live(resolved);
    }

    /** True if {@code path} leads to the history folder or into it. */
    boolean inHistory(VfsNioPath path, Links links) throws IOException {
        return past.contains(resolve(path, links));
    }

    /**
     * The live volume path {@code path} names, for a change; a path in the history folder is
     * refused, whatever follows in it, before anything is looked up there.
     */
    VfsPath writable(VfsNioPath path, Links links) throws IOException {
        return writable(path, links, null);
    }

    /** As {@link #writable(VfsNioPath, Links)}, naming {@code other} too in the refusal (a move's other end). */
    VfsPath writable(VfsNioPath path, Links links, Path other) throws IOException {
        VfsPath resolved = resolve(path, links);
        if (past.contains(resolved)) {
            throw NioErrors.historyReadOnly(path, other);
        }
        return resolved;
    }

    /** The node at a resolved volume path, or null. */
    Node find(VfsPath resolved) throws IOException {
        createWaiting();
        try {
            return volume.stat(resolved).await();
        } catch (VfsException.NotFound e) {
            return null;
        }
    }

    Node stat(VfsPath resolved, Path shown) throws IOException {
        Node node = find(resolved);
        if (node == null) {
            throw new NoSuchFileException(shown.toString());
        }
        return node;
    }

    List<Node> list(VfsNioPath directory) throws IOException {
        Place place = locate(directory, Links.FOLLOW);
        if (!(place instanceof Place.Live)) {
            return past.list(place, directory);
        }
        createWaiting();
        try {
            return volume.list(place.path()).await();
        } catch (VfsException.NotADirectory e) {
            throw new NotDirectoryException(directory.toString());
        } catch (VfsException e) {
            throw NioErrors.of(e, directory, null);
        }
    }

    /** Fails with NoSuchFile if a block of {@code content} is no longer stored (dropped by retention). */
    void requireStored(Content content, Path shown) throws IOException {
        try {
            volume.requireStored(content).await();
        } catch (VfsException e) {
            throw NioErrors.of(e, shown, null);
        }
    }

    /** Applies a change; read-only users are refused before anything is sent. */
    Committed execute(VolumeCommand command, Path path, Path other) throws IOException {
        requireWritable(path);
        createWaiting();
        try {
            return volume.execute(command, actor).await();
        } catch (VfsException e) {
            throw NioErrors.of(e, path, other);
        }
    }

    /** True if this call created the file; a file created meanwhile by someone else is used as is. */
    boolean createFile(VfsPath file, int mode, Path shown, boolean createNew) throws IOException {
        try {
            execute(new VolumeCommand.CreateFile(file, mode, Overwrite.NEVER), shown, null);
            return true;
        } catch (FileAlreadyExistsException raced) {
            if (createNew) {
                throw raced;
            }
            return false;
        }
    }

    /**
     * A file to be created by the first commit of the channel that opens it, so that an upload is
     * one durable command, not two. Whether it could be created is checked now, so the open fails
     * as a creation would; until the commit, other sessions do not see it, and this one creates it
     * as soon as it does anything else that may expect it to exist.
     */
    NewFile createOnCommit(VfsPath file, int mode, Path shown) throws IOException {
        requireWritable(shown);
        try {
            volume.check(new VolumeCommand.CreateFile(file, mode, Overwrite.NEVER), actor).await();
        } catch (VfsException e) {
            throw NioErrors.of(e, shown, null);
        }
        NewFile created = new NewFile(file, mode, shown);
        waiting.add(created);
        return created;
    }

    void writing(VfsPath file, VfsFileChannel channel) {
        writers.put(file, channel);
    }

    void doneWriting(VfsPath file, VfsFileChannel channel) {
        writers.remove(file, channel);
    }

    /**
     * True if an open channel holding uncommitted writes to {@code file} takes the modification
     * time, to record with its commit: SFTP clients ({@code put -p}) set the time on the handle
     * before they close it, and the commit at close would otherwise stamp the time of the close.
     */
    boolean deferModified(VfsPath file, long modified) throws IOException {
        VfsFileChannel channel = writers.get(file);
        return channel != null && channel.deferModified(modified);
    }

    /** The file's channel commits it now, creating it with its content. */
    void committing(NewFile file) {
        waiting.remove(file);
    }

    private void createWaiting() throws IOException {
        for (NewFile file : waiting) {
            if (waiting.remove(file)) {
                createFile(file.path(), file.mode(), file.shown(), false);
            }
        }
    }

    void requireWritable(Path path) throws IOException {
        if (readOnly) {
            throw NioErrors.readOnly(path);
        }
    }

    /**
     * The volume path {@code path} names, following symbolic links in every name but the last,
     * and in the last too with {@link Links#FOLLOW}, with the home as the root of every absolute
     * target (the volume's {@link Volume#resolve}, which WebDAV uses too). Names past a missing one
     * are taken as they are.
     */
    private VfsPath resolve(VfsNioPath path, Links links) throws IOException {
        createWaiting();
        return NioErrors.resolved(volume.resolve(home, path.names(), links == Links.FOLLOW), path);
    }

    /** The path as the user sees it (from the home) of a resolved volume path under the home. */
    List<String> userNames(VfsPath resolved) {
        return resolved.relativize(home).names();
    }

    Path realPath(VfsNioPath path, Links links) throws IOException {
        Place place = locate(path, links);
        node(place, path);
        List<String> names = place instanceof Place.Live ? userNames(place.path()) : past.userNames(place);
        return new VfsNioPath(path.getFileSystem(), true, names);
    }
}
