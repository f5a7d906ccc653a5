package org.eventvfs.nio;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/** The basic, owner and posix views of one path; every change is one SetAttributes command. */
final class VfsAttributeView implements PosixFileAttributeView {
    private final VfsNioPath path;
    private final Links links;

    VfsAttributeView(VfsNioPath path, Links links) {
        this.path = path;
        this.links = links;
    }

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public VfsAttributes readAttributes() throws IOException {
        return new VfsAttributes(view().node(path, links));
    }

    /** Access and creation times are not tracked: setting them is accepted and changes nothing. */
    @Override
    public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) throws IOException {
        if (lastModifiedTime != null) {
            change(null, null, lastModifiedTime.toMillis());
        }
    }

    @Override
    public void setPermissions(Set<PosixFilePermission> permissions) throws IOException {
        change(VfsAttributes.mode(permissions), null, null);
    }

    @Override
    public UserPrincipal getOwner() throws IOException {
        return readAttributes().owner();
    }

    @Override
    public void setOwner(UserPrincipal owner) throws IOException {
        change(null, owner.getName(), null);
    }

    /** Every user is its own group; groups are not stored, so setting one changes nothing. */
    @Override
    public void setGroup(GroupPrincipal group) {
    }

    private void change(Integer mode, String owner, Long modified) throws IOException {
        VolumeView view = view();
        VfsPath target = view.writable(path, links);
        if (modified != null && view.deferModified(target, modified)) {
            if (mode == null && owner == null) {
                return;
            }
            modified = null;
        }
        view.execute(new VolumeCommand.SetAttributes(target, mode, owner, modified), path, null);
    }

    private VolumeView view() {
        return path.getFileSystem().view();
    }
}
