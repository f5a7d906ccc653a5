package org.eventvfs.nio;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One user's view of one volume as a java.nio.file file system, rooted at the user's home. */
public final class VfsFileSystem extends FileSystem {
    private final VfsFileSystemProvider provider;
    private final VolumeView view;
    private final FileStore store;
    private final VfsNioPath root;
    private volatile boolean open = true;

    VfsFileSystem(VfsFileSystemProvider provider, VolumeView view, Path spaceProbe) {
        this.provider = provider;
        this.view = view;
        this.store = new VfsFileStore(view.volume().name(), view.readOnly(), spaceProbe);
        this.root = new VfsNioPath(this, true, List.of());
    }

    VolumeView view() {
        return view;
    }

    String volumeName() {
        return view.volume().name();
    }

    Path root() {
        return root;
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return view.readOnly();
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(root);
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(store);
    }

    FileStore store() {
        return store;
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic", "posix", "owner");
    }

    @Override
    public Path getPath(String first, String... more) {
        return VfsNioPath.parse(this, first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected syntax:pattern, got " + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex = switch (syntax) {
            case "glob" -> Pattern.compile(Globs.toRegex(pattern));
            case "regex" -> Pattern.compile(pattern);
            default -> throw new UnsupportedOperationException("no path matcher syntax '" + syntax + "'");
        };
        return path -> regex.matcher(path.toString()).matches();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return Principals.LOOKUP;
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching is not supported; follow the event bus instead");
    }
}
