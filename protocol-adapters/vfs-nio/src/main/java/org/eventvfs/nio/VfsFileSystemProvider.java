package org.eventvfs.nio;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * The {@code vfs:} provider: a thin facade that checks each path is ours and hands the operation
 * to the file system's {@link VolumeView}. File systems are made by {@link VfsFileSystems}, one per
 * user session, not through {@link #newFileSystem(URI, Map)}.
 */
final class VfsFileSystemProvider extends FileSystemProvider {
    static final VfsFileSystemProvider INSTANCE = new VfsFileSystemProvider();

    @Override
    public String getScheme() {
        return "vfs";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("open eventvfs file systems with VfsFileSystems.forUser");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new FileSystemNotFoundException("eventvfs file systems are per session; use the session's");
    }

    @Override
    public Path getPath(URI uri) {
        throw new FileSystemNotFoundException("eventvfs file systems are per session; use the session's");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        VfsNioPath p = ours(path);
        VolumeView view = p.getFileSystem().view();
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean createNew = write && options.contains(StandardOpenOption.CREATE_NEW);
        boolean create = createNew || (write && options.contains(StandardOpenOption.CREATE));
        if (!write) {
            Place place = view.locate(p, Links.follow(options));
            return VfsFileChannel.reader(view, place.path(), p, requireFile(view.node(place, p), p));
        }
        view.requireWritable(p);
        VfsPath file = view.writable(p, Links.follow(options));
        Node node = view.find(file);
        boolean created = false;
        if (node == null) {
            if (!create) {
                throw new NoSuchFileException(p.toString());
            }
            int mode = mode(attrs, Node.DEFAULT_FILE_MODE);
            if (!createNew) {
                return VfsFileChannel.creator(view, view.createOnCommit(file, mode, p),
                        options.contains(StandardOpenOption.READ), options.contains(StandardOpenOption.APPEND));
            }
            created = view.createFile(file, mode, p, true);
            node = view.stat(file, p);
        } else if (createNew) {
            throw new FileAlreadyExistsException(p.toString());
        }
        requireFile(node, p);
        boolean truncated = created || options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        return VfsFileChannel.writer(view, file, p, node, options.contains(StandardOpenOption.READ),
                options.contains(StandardOpenOption.APPEND), truncated);
    }

    /** The node if it can be opened as a file: a link here is one that nofollow forbade following. */
    private static Node requireFile(Node node, Path shown) throws IOException {
        if (node.isDirectory()) {
            throw new FileSystemException(shown.toString(), null, "Is a directory");
        }
        if (node.isSymlink()) {
            throw new FileSystemException(shown.toString(), null, "Too many levels of symbolic links");
        }
        return node;
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        VfsNioPath p = ours(dir);
        List<Node> children = p.getFileSystem().view().list(p);
        return new VfsDirectoryStream(p, children, filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        VfsNioPath p = ours(dir);
        VolumeView view = p.getFileSystem().view();
        view.requireWritable(p);
        view.execute(new VolumeCommand.CreateDirectory(view.writable(p, Links.NOFOLLOW),
                mode(attrs, Node.DEFAULT_DIRECTORY_MODE)), p, null);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        VfsNioPath p = ours(link);
        VolumeView view = p.getFileSystem().view();
        view.requireWritable(p);
        view.execute(new VolumeCommand.CreateSymlink(view.writable(p, Links.NOFOLLOW), target.toString()), p, null);
    }

    @Override
    public void createLink(Path link, Path existing) {
        throw new UnsupportedOperationException("hard links are not supported: a node has one place in its tree");
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        VfsNioPath p = ours(link);
        Node node = p.getFileSystem().view().node(p, Links.NOFOLLOW);
        if (!node.isSymlink()) {
            throw new NotLinkException(p.toString());
        }
        return VfsNioPath.parse(p.getFileSystem(), node.target());
    }

    @Override
    public void delete(Path path) throws IOException {
        VfsNioPath p = ours(path);
        VolumeView view = p.getFileSystem().view();
        view.requireWritable(p);
        VfsPath resolved = view.writable(p, Links.NOFOLLOW);
        Node node = view.stat(resolved, p);
        RemoveMode mode = node.isDirectory() ? RemoveMode.EMPTY_DIRECTORY_ONLY : RemoveMode.NON_DIRECTORY_ONLY;
        view.execute(new VolumeCommand.Remove(resolved, mode), p, null);
    }

    /**
     * A server-side copy: the new file shares the source's blocks; a directory is copied empty. A
     * file of the history folder is copied out as its past revision, committed as the target's
     * content; a past folder or link is refused, as no single command makes it.
     */
    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        VfsNioPath from = ours(source);
        VfsNioPath to = ours(target);
        VolumeView view = sameFileSystem(from, to);
        Links links = Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS) ? Links.NOFOLLOW : Links.FOLLOW;
        Place place = view.locate(from, links);
        VfsPath copy = view.writable(to, Links.NOFOLLOW);
        if (place instanceof Place.Live) {
            view.execute(new VolumeCommand.Copy(place.path(), copy, overwrite(options), CopyDepth.NODE_ONLY), from, to);
            return;
        }
        Node node = view.node(place, from);
        if (!node.isFile()) {
            throw new AccessDeniedException(from.toString(), to.toString(),
                    "only files can be copied out of the history folder");
        }
        view.requireStored(node.content(), from);
        view.execute(new VolumeCommand.CommitContent(copy, node.content(), node.mode(), overwrite(options), null),
                from, to);
    }

    /** Always atomic: one command. */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        VfsNioPath from = ours(source);
        VfsNioPath to = ours(target);
        VolumeView view = sameFileSystem(from, to);
        view.execute(new VolumeCommand.Move(view.writable(from, Links.NOFOLLOW, to),
                view.writable(to, Links.NOFOLLOW, from), overwrite(options)), from, to);
    }

    @Override
    public boolean isSameFile(Path a, Path b) throws IOException {
        if (a.equals(b)) {
            return true;
        }
        if (!(a instanceof VfsNioPath pa) || !(b instanceof VfsNioPath pb) || pa.getFileSystem() != pb.getFileSystem()) {
            return false;
        }
        VolumeView view = pa.getFileSystem().view();
        Place placeA = view.locate(pa, Links.FOLLOW);
        Place placeB = view.locate(pb, Links.FOLLOW);
        // Node ids last across versions: a past revision is not the live file.
        return placeA.asOf() == placeB.asOf() && view.node(placeA, pa).id() == view.node(placeB, pb).id();
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = ours(path).getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        return ours(path).getFileSystem().store();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        VfsNioPath p = ours(path);
        VolumeView view = p.getFileSystem().view();
        view.node(p, Links.FOLLOW);
        if (Arrays.asList(modes).contains(AccessMode.WRITE)) {
            view.requireWritable(p);
            view.writable(p, Links.FOLLOW);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type == BasicFileAttributeView.class || type == PosixFileAttributeView.class
                || type == FileOwnerAttributeView.class) {
            return (V) new VfsAttributeView(ours(path), Links.follow(options));
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
            throw new UnsupportedOperationException("no attributes of type " + type.getName());
        }
        VfsNioPath p = ours(path);
        return (A) new VfsAttributes(p.getFileSystem().view().node(p, Links.follow(options)));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        if (view.equals(STORED_VIEW)) {
            return storedAttributes(ours(path), attributes.substring(colon + 1), Links.follow(options));
        }
        if (!ours(path).getFileSystem().supportedFileAttributeViews().contains(view)) {
            throw new UnsupportedOperationException("no attribute view '" + view + "'");
        }
        return readAttributes(path, PosixFileAttributes.class, options) instanceof VfsAttributes a
                ? a.asMap(view, attributes.substring(colon + 1)) : Map.of();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        VfsAttributeView view = new VfsAttributeView(ours(path), Links.follow(options));
        String name = attribute.substring(attribute.indexOf(':') + 1);
        switch (name) {
            case "lastModifiedTime" -> view.setTimes((FileTime) value, null, null);
            case "lastAccessTime", "creationTime", "group" -> {
                // Not tracked (see VfsAttributeView): accepted so that clients that set them keep working.
            }
            case "permissions" -> view.setPermissions((Set<PosixFilePermission>) value);
            case "owner" -> view.setOwner((UserPrincipal) value);
            default -> throw new IllegalArgumentException("no settable attribute '" + attribute + "'");
        }
    }

    /**
     * The view of what eventvfs stores about a file beyond POSIX: {@code vfs:sha256}, the SHA-256 of
     * its content as 32 bytes, kept with every revision, so that checksums need no read. It is not
     * among {@link VfsFileSystem#supportedFileAttributeViews()}, so a plain stat never asks for it.
     */
    static final String STORED_VIEW = "vfs";

    private static Map<String, Object> storedAttributes(VfsNioPath path, String names, Links links) throws IOException {
        Node node = path.getFileSystem().view().node(path, links);
        if (!names.equals("sha256") && !names.equals("*")) {
            throw new IllegalArgumentException("the vfs view has only the attribute sha256");
        }
        if (!node.isFile()) {
            throw new FileSystemException(path.toString(), null, "only a file has a stored SHA-256");
        }
        return Map.of("sha256", node.content().sha256().toBytes());
    }

    private static VfsNioPath ours(Path path) {
        if (!(path instanceof VfsNioPath p)) {
            throw new ProviderMismatchException("not an eventvfs path: " + path);
        }
        if (!p.getFileSystem().isOpen()) {
            throw new java.nio.file.ClosedFileSystemException();
        }
        return p;
    }

    private static VolumeView sameFileSystem(VfsNioPath a, VfsNioPath b) {
        if (a.getFileSystem() != b.getFileSystem()) {
            throw new ProviderMismatchException("copy and move stay within one eventvfs file system");
        }
        return a.getFileSystem().view();
    }

    private static Overwrite overwrite(CopyOption... options) {
        return Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING) ? Overwrite.REPLACE
                : Overwrite.NEVER;
    }

    @SuppressWarnings("unchecked")
    private static int mode(FileAttribute<?>[] attrs, int fallback) {
        for (FileAttribute<?> attr : attrs) {
            if (attr.name().equals("posix:permissions")) {
                return VfsAttributes.mode((Set<PosixFilePermission>) attr.value());
            }
        }
        return fallback;
    }
}
