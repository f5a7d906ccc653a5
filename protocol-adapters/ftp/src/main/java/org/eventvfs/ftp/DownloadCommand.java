package org.eventvfs.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import org.apache.ftpserver.command.impl.RETR;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.impl.ServerFtpStatistics;

/**
 * RETR (with REST) as FtpServer serves it, the same checks and replies, but with the copy of
 * {@link DataTransfer}; FtpServer's {@link RETR} still skips to a REST offset in ASCII mode.
 */
final class DownloadCommand extends RETR {

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        try {
            FtpFile file = readable(session, request);
            if (file == null) {
                return;
            }
            session.write(new DefaultFtpReply(FtpReply.REPLY_150_FILE_STATUS_OKAY,
                    "Opening the data connection for " + file.getAbsolutePath()));
            DataConnection data = TransferChecks.opened(session);
            if (data != null) {
                send(session, context, file, data);
            }
        } finally {
            session.resetState();
            session.getDataConnection().closeDataConnection();
        }
    }

    /** The file the request names, or null when a reply refusing it was sent. */
    private static FtpFile readable(FtpIoSession session, FtpRequest request) {
        String argument = request.getArgument();
        if (TransferChecks.refused(session, "RETR", argument)) {
            return null;
        }
        FtpFile file;
        try {
            file = session.getFileSystemView().getFile(argument);
        } catch (FtpException e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN, e.getMessage()));
            return null;
        }
        String refusal = file == null || !file.doesExist() ? "no such file"
                : !file.isFile() ? "not a plain file"
                : !file.isReadable() ? "permission denied" : null;
        if (refusal != null) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    (file == null ? argument : file.getAbsolutePath()) + ": " + refusal));
            return null;
        }
        return file;
    }

    private void send(FtpIoSession session, FtpServerContext context, FtpFile file, DataConnection data) {
        long sent;
        try (InputStream in = openInputStream(session, file, session.getFileOffset())) {
            sent = DataTransfer.toClient(session, data, in);
        } catch (SocketException e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_426_CONNECTION_CLOSED_TRANSFER_ABORTED,
                    "Transfer aborted: " + e.getMessage()));
            return;
        } catch (IOException e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_551_REQUESTED_ACTION_ABORTED_PAGE_TYPE_UNKNOWN,
                    file.getAbsolutePath() + " could not be read: " + e.getMessage()));
            return;
        }
        if (context.getFtpStatistics() instanceof ServerFtpStatistics statistics) {
            statistics.setDownload(session, file, sent);
        }
        session.write(new DefaultFtpReply(FtpReply.REPLY_226_CLOSING_DATA_CONNECTION,
                "Transfer complete: " + sent + " bytes sent from " + file.getAbsolutePath()));
    }
}
