package org.eventvfs.nio;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * The volume as a file store. Space is that of the disk under {@code spaceProbe} (the server's
 * data folder), which is what bounds how much more can be stored.
 */
final class VfsFileStore extends FileStore {
    private final String volume;
    private final boolean readOnly;
    private final Path spaceProbe;

    VfsFileStore(String volume, boolean readOnly, Path spaceProbe) {
        this.volume = volume;
        this.readOnly = readOnly;
        this.spaceProbe = spaceProbe;
    }

    @Override
    public String name() {
        return volume;
    }

    @Override
    public String type() {
        return "eventvfs";
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public long getTotalSpace() throws IOException {
        return Files.getFileStore(spaceProbe).getTotalSpace();
    }

    @Override
    public long getUsableSpace() throws IOException {
        return readOnly ? 0 : Files.getFileStore(spaceProbe).getUsableSpace();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        return Files.getFileStore(spaceProbe).getUnallocatedSpace();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class || type == PosixFileAttributeView.class
                || type == FileOwnerAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return name.equals("basic") || name.equals("posix") || name.equals("owner");
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) throws IOException {
        return switch (attribute) {
            case "totalSpace" -> getTotalSpace();
            case "usableSpace" -> getUsableSpace();
            case "unallocatedSpace" -> getUnallocatedSpace();
            default -> throw new UnsupportedOperationException("no file store attribute '" + attribute + "'");
        };
    }
}
