package org.eventvfs.sftp;

import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_BAD_MESSAGE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_FAILURE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_FILE;
import static org.apache.sshd.sftp.common.SftpConstants.SSH_FX_PERMISSION_DENIED;

import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.util.Map;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.apache.sshd.sftp.common.SftpHelper;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from failures to SFTP status codes and messages. SSHD's table
 * ({@link SftpHelper#resolveSubstatus}) gives version-6 codes; a client that negotiated an older
 * version, as every OpenSSH client does (version 3), gets only the codes its version defines, chosen
 * as OpenSSH's sftp-server chooses them from errno: a non-empty directory is a plain failure, a
 * path through a non-directory is "no such file", a bad name is a bad message.
 */
final class SftpStatuses implements SftpErrorStatusDataHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SftpStatuses.class);

    /** The highest status code each older protocol version defines. */
    private static final Map<Integer, Integer> LAST_CODE = Map.of(
            SftpConstants.SFTP_V3, SftpConstants.SSH_FX_OP_UNSUPPORTED,
            SftpConstants.SFTP_V4, SftpConstants.SSH_FX_NO_MEDIA,
            SftpConstants.SFTP_V5, SftpConstants.SSH_FX_LOCK_CONFLICT);

    /** Version 3 stand-ins for the codes later versions added. */
    private static final Map<Integer, Integer> VERSION_3 = Map.ofEntries(
            Map.entry(SftpConstants.SSH_FX_NO_SUCH_PATH, SSH_FX_NO_SUCH_FILE),
            Map.entry(SftpConstants.SSH_FX_NOT_A_DIRECTORY, SSH_FX_NO_SUCH_FILE),
            Map.entry(SftpConstants.SSH_FX_LINK_LOOP, SSH_FX_NO_SUCH_FILE),
            Map.entry(SftpConstants.SSH_FX_WRITE_PROTECT, SSH_FX_PERMISSION_DENIED),
            Map.entry(SftpConstants.SSH_FX_CANNOT_DELETE, SSH_FX_PERMISSION_DENIED),
            Map.entry(SftpConstants.SSH_FX_INVALID_FILENAME, SSH_FX_BAD_MESSAGE),
            Map.entry(SftpConstants.SSH_FX_INVALID_PARAMETER, SSH_FX_BAD_MESSAGE));

    @Override
    public int resolveSubStatus(SftpSubsystemEnvironment subsystem, int id, Throwable e, int cmd, Object... args) {
        return forVersion(subsystem.getVersion(), SftpHelper.resolveSubstatus(e));
    }

    /** The status as the client's version can express it. */
    static int forVersion(int version, int status) {
        Integer last = LAST_CODE.get(version);
        if (last == null || status <= last) {
            return status;
        }
        return VERSION_3.getOrDefault(status, SSH_FX_FAILURE);
    }

    /**
     * What went wrong and where, for the clients that show it (WinSCP, FileZilla, rclone); storage
     * failures get the bare status text, and the details go to the server's log instead.
     */
    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment subsystem, int id, Throwable e, int status, int cmd,
                                      Object... args) {
        String text = SftpHelper.resolveStatusMessage(status);
        return switch (e) {
            case FileSystemException f -> (f.getFile() == null ? "" : f.getFile() + ": ")
                    + (f.getReason() == null ? text : f.getReason());
            case InvalidPathException p -> p.getMessage();
            case SftpException s -> s.getMessage();
            case UnsupportedOperationException u -> u.getMessage() == null ? text : u.getMessage();
            case IllegalArgumentException a -> a.getMessage() == null ? text : a.getMessage();
            default -> {
                // End of file, a bad handle and the like have a status of their own; a plain failure
                // of an unexpected kind is worth a look.
                if (status == SSH_FX_FAILURE) {
                    LOG.warn("sftp: {} failed", SftpConstants.getCommandMessageName(cmd), e);
                }
                yield text;
            }
        };
    }
}
