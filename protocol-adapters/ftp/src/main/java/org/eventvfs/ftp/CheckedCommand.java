package org.eventvfs.ftp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.impl.DELE;
import org.apache.ftpserver.command.impl.RMD;
import org.apache.ftpserver.command.impl.RNFR;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * One of FtpServer's commands with a check first, for the failures it answers in a way clients
 * misread: RNFR of a missing file is accepted (the error comes only with RNTO, as 553), and DELE
 * of a missing file or RMD of a folder that is not empty get 450, which clients take as "try
 * again later".
 */
final class CheckedCommand extends AbstractCommand {
    private final Command builtIn;
    private final Check check;

    private CheckedCommand(Command builtIn, Check check) {
        this.builtIn = builtIn;
        this.check = check;
    }

    /** RNFR answers 550 for a file that does not exist (RFC 959). */
    static CheckedCommand renameFrom() {
        return new CheckedCommand(new RNFR(), file -> file.doesExist() ? null
                : new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                        file.getAbsolutePath() + ": no such file or directory"));
    }

    /** DELE answers 550 for a missing file and for a read-only user, where FtpServer gives 450. */
    static CheckedCommand delete() {
        return new CheckedCommand(new DELE(), file -> !file.doesExist()
                ? new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                        file.getAbsolutePath() + ": no such file")
                : file.isWritable() ? null
                : new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                        file.getAbsolutePath() + ": permission denied"));
    }

    /** RMD answers 550 for a folder that still holds something. */
    static CheckedCommand removeDirectory() {
        return new CheckedCommand(new RMD(), file -> file.isDirectory() && hasEntries(file.path())
                ? new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                        file.getAbsolutePath() + ": directory not empty")
                : null);
    }

    private static boolean hasEntries(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        if (request.getArgument() != null && session.isLoggedIn()) {
            FtpReply refusal;
            try {
                refusal = check.refusal((VfsFtpFile) session.getFileSystemView().getFile(request.getArgument()));
            } catch (FtpException e) {
                refusal = new DefaultFtpReply(FtpReply.REPLY_553_REQUESTED_ACTION_NOT_TAKEN_FILE_NAME_NOT_ALLOWED,
                        e.getMessage());
            }
            if (refusal != null) {
                session.resetState();
                session.write(refusal);
                return;
            }
        }
        builtIn.execute(session, context, request);
    }

    private interface Check {
        /** The reply refusing the command, or null to let FtpServer's command run. */
        FtpReply refusal(VfsFtpFile file);
    }
}
