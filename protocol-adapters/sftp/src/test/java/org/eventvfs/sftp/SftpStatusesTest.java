package org.eventvfs.sftp;

import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_BAD_MESSAGE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_DIR_NOT_EMPTY;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_FAILURE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_FILE_ALREADY_EXISTS;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_INVALID_FILENAME;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NOT_A_DIRECTORY;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_FILE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_OP_UNSUPPORTED;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SftpStatusesTest {
    @Test
    void version3GetsOnlyItsOwnCodes() {
        assertThat(SftpStatuses.forVersion(3, SSH_FX_NO_SUCH_FILE)).isEqualTo(SSH_FX_NO_SUCH_FILE);
        assertThat(SftpStatuses.forVersion(3, SSH_FX_PERMISSION_DENIED)).isEqualTo(SSH_FX_PERMISSION_DENIED);
        assertThat(SftpStatuses.forVersion(3, SSH_FX_OP_UNSUPPORTED)).isEqualTo(SSH_FX_OP_UNSUPPORTED);
        assertThat(SftpStatuses.forVersion(3, SSH_FX_DIR_NOT_EMPTY)).isEqualTo(SSH_FX_FAILURE);
        assertThat(SftpStatuses.forVersion(3, SSH_FX_FILE_ALREADY_EXISTS)).isEqualTo(SSH_FX_FAILURE);
        assertThat(SftpStatuses.forVersion(3, SSH_FX_NOT_A_DIRECTORY)).isEqualTo(SSH_FX_NO_SUCH_FILE);
        assertThat(SftpStatuses.forVersion(3, SSH_FX_INVALID_FILENAME)).isEqualTo(SSH_FX_BAD_MESSAGE);
    }

    @Test
    void laterVersionsKeepTheCodesTheyDefine() {
        assertThat(SftpStatuses.forVersion(4, SSH_FX_FILE_ALREADY_EXISTS)).isEqualTo(SSH_FX_FILE_ALREADY_EXISTS);
        assertThat(SftpStatuses.forVersion(5, SSH_FX_DIR_NOT_EMPTY)).isEqualTo(SSH_FX_FAILURE);
        assertThat(SftpStatuses.forVersion(6, SSH_FX_DIR_NOT_EMPTY)).isEqualTo(SSH_FX_DIR_NOT_EMPTY);
        assertThat(SftpStatuses.forVersion(6, SSH_FX_INVALID_FILENAME)).isEqualTo(SSH_FX_INVALID_FILENAME);
    }
}
