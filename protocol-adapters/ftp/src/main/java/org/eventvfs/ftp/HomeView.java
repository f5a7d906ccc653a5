package org.eventvfs.ftp;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;

/**
 * One FTP session's view of its user's home, which is the root of a {@code vfs:} file system of
 * its own: whatever a client sends ({@code ..}, absolute paths, links), nothing names a path
 * outside it. Keeps the session's working directory. Calls block: FtpServer makes them on its
 * own threads, never on a Vert.x event loop.
 */
final class HomeView implements FileSystemView {
    private final FileSystem files;
    private final boolean readOnly;
    private Path workingDirectory;

    HomeView(FileSystem files, boolean readOnly) {
        this.files = files;
        this.readOnly = readOnly;
        this.workingDirectory = files.getPath("/");
    }

    boolean readOnly() {
        return readOnly;
    }

    @Override
    public FtpFile getHomeDirectory() {
        return new VfsFtpFile(this, files.getPath("/"));
    }

    @Override
    public FtpFile getWorkingDirectory() {
        return new VfsFtpFile(this, workingDirectory);
    }

    @Override
    public boolean changeWorkingDirectory(String dir) throws FtpException {
        Path target = resolve(dir);
        if (!Files.isDirectory(target)) {
            return false;
        }
        workingDirectory = target;
        return true;
    }

    @Override
    public FtpFile getFile(String name) throws FtpException {
        return new VfsFtpFile(this, resolve(name));
    }

    /** Files can be written from an offset (REST before STOR, and APPE). */
    @Override
    public boolean isRandomAccessible() {
        return true;
    }

    @Override
    public void dispose() {
        try {
            files.close();
        } catch (IOException e) {
            // Closing a vfs: file system releases nothing that could fail.
        }
    }

    /**
     * A name as FTP clients send it: relative to the working directory, absolute from the home,
     * or {@code ~} for the home. {@code ..} never climbs above the home.
     */
    private Path resolve(String name) throws FtpException {
        if (name == null || name.isEmpty()) {
            return workingDirectory;
        }
        String path = name.equals("~") || name.startsWith("~/") ? "/" + name.substring(1) : name;
        try {
            return workingDirectory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new FtpException(name + ": " + e.getReason());
        }
    }
}
