package org.eventvfs.nio;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path of a {@link VfsFileSystem}: purely syntactic, like a Unix path. It may be relative and may
 * hold {@code ..}; only {@link VfsFileSystem#volumePath} turns it into a volume path, and that is
 * where confinement to the home happens.
 */
final class VfsNioPath implements Path {
    private final VfsFileSystem fileSystem;
    private final boolean absolute;
    private final List<String> names;

    VfsNioPath(VfsFileSystem fileSystem, boolean absolute, List<String> names) {
        this.fileSystem = fileSystem;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    static VfsNioPath parse(VfsFileSystem fileSystem, String first, String... more) {
        StringBuilder joined = new StringBuilder(first);
        for (String part : more) {
            if (!part.isEmpty()) {
                joined.append('/').append(part);
            }
        }
        String text = joined.toString();
        if (text.indexOf('\0') >= 0) {
            throw new java.nio.file.InvalidPathException(text.replace('\0', '?'), "NUL is not allowed in a path");
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split("/")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new VfsNioPath(fileSystem, text.startsWith("/"), names);
    }

    List<String> names() {
        return names;
    }

    @Override
    public VfsFileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? fileSystem.root() : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new VfsNioPath(fileSystem, false, List.of(names.getLast()));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (names.size() == 1 && !absolute)) {
            return null;
        }
        return new VfsNioPath(fileSystem, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return new VfsNioPath(fileSystem, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new VfsNioPath(fileSystem, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        VfsNioPath o = checked(other);
        return o.absolute == absolute && o.names.size() <= names.size()
                && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        VfsNioPath o = checked(other);
        if (o.absolute) {
            return equals(o);
        }
        return o.names.size() <= names.size()
                && names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
    }

    @Override
    public Path normalize() {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..") && !result.isEmpty() && !result.getLast().equals("..")) {
                result.removeLast();
            } else if (!(name.equals("..") && absolute)) {
                result.add(name);
            }
        }
        return new VfsNioPath(fileSystem, absolute, result);
    }

    @Override
    public Path resolve(Path other) {
        VfsNioPath o = checked(other);
        if (o.absolute) {
            return o;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(o.names);
        return new VfsNioPath(fileSystem, absolute, joined);
    }

    @Override
    public Path relativize(Path other) {
        VfsNioPath o = checked(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
        }
        int common = 0;
        while (common < names.size() && common < o.names.size() && names.get(common).equals(o.names.get(common))) {
            common++;
        }
        List<String> result = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            result.add("..");
        }
        result.addAll(o.names.subList(common, o.names.size()));
        return new VfsNioPath(fileSystem, false, result);
    }

    @Override
    public URI toUri() {
        return URI.create(fileSystem.provider().getScheme() + "://" + fileSystem.volumeName()
                + toAbsolutePath().normalize().toString().replace(" ", "%20"));
    }

    @Override
    public Path toAbsolutePath() {
        return absolute ? this : new VfsNioPath(fileSystem, true, names);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return fileSystem.view().realPath(this, Links.follow(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching is not supported; follow the event bus instead");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VfsNioPath p && p.fileSystem == fileSystem && p.absolute == absolute
                && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {absolute, names});
    }

    @Override
    public String toString() {
        String joined = String.join("/", names);
        return absolute ? "/" + joined : joined;
    }

    private VfsNioPath checked(Path other) {
        if (!(other instanceof VfsNioPath p) || p.fileSystem != fileSystem) {
            throw new ProviderMismatchException("not a path of this eventvfs file system: " + other);
        }
        return p;
    }
}
