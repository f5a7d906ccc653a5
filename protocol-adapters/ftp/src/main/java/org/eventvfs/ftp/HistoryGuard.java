package org.eventvfs.ftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.eventvfs.nio.VfsFileSystems;

/**
 * Refuses every change in the read-only history folder with 550 and the reason, before
 * FtpServer's own commands answer a vague "permission denied" or "cannot create": uploads, folders
 * made or removed, deletions, both ends of a rename (moving a past file out would remove it from
 * the past) and MFMT.
 */
final class HistoryGuard extends DefaultFtplet {
    /** Commands whose whole argument names the path they change. */
    private static final Set<String> WRITES = Set.of("STOR", "APPE", "MKD", "XMKD", "RMD", "XRMD", "DELE", "RNFR",
            "RNTO");

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws IOException, FtpException {
        String path = changedPath(request.getCommand().toUpperCase(), request.getArgument());
        if (path == null || session.getUser() == null) {
            return FtpletResult.DEFAULT;
        }
        try {
            VfsFileSystems.requireOutsideHistory((Path) session.getFileSystemView().getFile(path).getPhysicalFile());
        } catch (AccessDeniedException e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    e.getFile() + ": " + e.getReason()));
            return FtpletResult.SKIP;
        } catch (IOException | FtpException e) {
            // Not ours to answer: the command itself reports a bad or missing path.
        }
        return FtpletResult.DEFAULT;
    }

    /** The path a command changes, or null if it changes none. */
    private static String changedPath(String command, String argument) {
        if (command.equals("STOU")) {
            // A new file in the working folder.
            return argument == null ? "." : argument;
        }
        if (argument == null) {
            return null;
        }
        if (command.equals("MFMT")) {
            int space = argument.indexOf(' ');
            return space < 0 ? null : argument.substring(space + 1);
        }
        return WRITES.contains(command) ? argument : null;
    }
}
