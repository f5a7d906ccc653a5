package org.eventvfs.ftp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.ftpserver.ftplet.FtpFile;
import org.eventvfs.nio.VfsFileSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file or folder of a user's home as FtpServer's commands see it, over the {@code vfs:} file
 * system. Attributes are read once, when first asked: a command looks at them several times, and
 * the answer of one moment is what it should act on.
 */
final class VfsFtpFile implements FtpFile {
    private static final Logger LOG = LoggerFactory.getLogger(VfsFtpFile.class);
    /** Large enough that the data connection's small reads and writes do not each reach the volume. */
    static final int STREAM_BUFFER = 256 * 1024;

    private final HomeView view;
    private final Path path;
    private PosixFileAttributes attributes;
    private boolean read;
    private Boolean inHistory;

    VfsFtpFile(HomeView view, Path path) {
        this.view = view;
        this.path = path;
    }

    VfsFtpFile(HomeView view, Path path, PosixFileAttributes attributes) {
        this(view, path);
        this.attributes = attributes;
        this.read = true;
    }

    Path path() {
        return path;
    }

    HomeView view() {
        return view;
    }

    private PosixFileAttributes attributes() {
        if (!read) {
            read = true;
            try {
                attributes = Files.readAttributes(path, PosixFileAttributes.class);
            } catch (IOException e) {
                attributes = null;
            }
        }
        return attributes;
    }

    @Override
    public String getAbsolutePath() {
        return path.toString();
    }

    @Override
    public String getName() {
        Path name = path.getFileName();
        return name == null ? "/" : name.toString();
    }

    /** Nothing is hidden: mirroring clients must see dot files without asking for them. */
    @Override
    public boolean isHidden() {
        return false;
    }

    @Override
    public boolean isDirectory() {
        return attributes() != null && attributes().isDirectory();
    }

    @Override
    public boolean isFile() {
        return attributes() != null && attributes().isRegularFile();
    }

    @Override
    public boolean doesExist() {
        return attributes() != null;
    }

    @Override
    public boolean isReadable() {
        return doesExist();
    }

    /** False for a read-only user and in the history folder, so that listings show what can change. */
    @Override
    public boolean isWritable() {
        return !view.readOnly() && !inHistoryFolder();
    }

    @Override
    public boolean isRemovable() {
        return isWritable() && path.getParent() != null;
    }

    private boolean inHistoryFolder() {
        if (inHistory == null) {
            try {
                inHistory = VfsFileSystems.inHistoryFolder(path);
            } catch (IOException e) {
                // A path that cannot be resolved: the command itself reports why.
                inHistory = false;
            }
        }
        return inHistory;
    }

    @Override
    public String getOwnerName() {
        return attributes() == null ? "nobody" : attributes().owner().getName();
    }

    @Override
    public String getGroupName() {
        return attributes() == null || attributes().group() == null ? getOwnerName() : attributes().group().getName();
    }

    @Override
    public int getLinkCount() {
        return isDirectory() ? 2 : 1;
    }

    @Override
    public long getLastModified() {
        return attributes() == null ? 0 : attributes().lastModifiedTime().toMillis();
    }

    @Override
    public boolean setLastModified(long time) {
        return attempt("set the time of", () -> Files.setLastModifiedTime(path, FileTime.fromMillis(time)));
    }

    @Override
    public long getSize() {
        return attributes() == null ? 0 : attributes().size();
    }

    @Override
    public Object getPhysicalFile() {
        return path;
    }

    @Override
    public boolean mkdir() {
        return attempt("create", () -> Files.createDirectory(path));
    }

    @Override
    public boolean delete() {
        return attempt("delete", () -> Files.delete(path));
    }

    /** Replaces an existing file of the destination's name, as rename(2) does. */
    @Override
    public boolean move(FtpFile destination) {
        Path target = ((VfsFtpFile) destination).path;
        return attempt("rename", () -> Files.move(path, target, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public List<? extends FtpFile> listFiles() {
        List<VfsFtpFile> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path child : entries) {
                children.add(new VfsFtpFile(view, child, attributesOrNull(child)));
            }
        } catch (IOException e) {
            LOG.debug("ftp: cannot list {}: {}", path, e.toString());
            return null;
        }
        children.sort(Comparator.comparing(VfsFtpFile::getName));
        return children;
    }

    private static PosixFileAttributes attributesOrNull(Path child) {
        try {
            return Files.readAttributes(child, PosixFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** For STOU; STOR and APPE go through {@link UploadCommand}, which can tell an abort from an end. */
    @Override
    public OutputStream createOutputStream(long offset) throws IOException {
        Set<OpenOption> options = offset == 0
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : Set.of(StandardOpenOption.WRITE);
        SeekableByteChannel channel = Files.newByteChannel(path, options);
        channel.position(offset);
        return new BufferedOutputStream(Channels.newOutputStream(channel), STREAM_BUFFER);
    }

    @Override
    public InputStream createInputStream(long offset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ);
        channel.position(offset);
        return new BufferedInputStream(Channels.newInputStream(channel), STREAM_BUFFER);
    }

    private boolean attempt(String what, IoAction action) {
        try {
            action.run();
            read = false;
            return true;
        } catch (NoSuchFileException e) {
            LOG.debug("ftp: cannot {} {}: no such file", what, path);
        } catch (IOException e) {
            LOG.info("ftp: cannot {} {}: {}", what, path, e.getMessage());
        }
        return false;
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
