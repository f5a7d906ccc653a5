package org.eventvfs.sftp;

import java.io.IOException;
import java.nio.file.FileStore;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.eventvfs.domain.Names;

/**
 * The reply to OpenSSH's {@code statvfs@openssh.com} and {@code fstatvfs@openssh.com} (OpenSSH's
 * PROTOCOL file, section 4.4), which {@code df} in its sftp client asks for: the file store's space
 * in 4 KiB blocks. There are no inodes to run out of, so the inode counts are zero, as many FUSE
 * file systems report them.
 */
final class StatVfs {
    static final String STATVFS = "statvfs@openssh.com";
    static final String FSTATVFS = "fstatvfs@openssh.com";
    private static final long BLOCK = 4096;

    private StatVfs() {
    }

    static OpenSSHStatExtensionInfo of(FileStore store) throws IOException {
        OpenSSHStatExtensionInfo info = new OpenSSHStatExtensionInfo();
        info.f_bsize = BLOCK;
        info.f_frsize = BLOCK;
        info.f_blocks = store.getTotalSpace() / BLOCK;
        info.f_bfree = store.getUnallocatedSpace() / BLOCK;
        info.f_bavail = store.getUsableSpace() / BLOCK;
        info.f_fsid = store.name().hashCode() & 0xffffffffL;
        info.f_flag = OpenSSHStatExtensionInfo.SSH_FXE_STATVFS_ST_NOSUID
                | (store.isReadOnly() ? OpenSSHStatExtensionInfo.SSH_FXE_STATVFS_ST_RDONLY : 0);
        info.f_namemax = Names.MAX_NAME_BYTES;
        return info;
    }
}
