package org.eventvfs.ftp;

import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.IODataConnectionFactory;

/** What STOR, APPE and RETR share: the checks before they look at the file, and opening the data connection. */
final class TransferChecks {
    private TransferChecks() {
    }

    /**
     * Refuses a transfer command that names no file (501) or comes before any PASV or PORT (503);
     * true when it sent that reply.
     */
    static boolean refused(FtpIoSession session, String command, String argument) {
        if (argument == null) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS,
                    command + " needs a file name"));
            return true;
        }
        if (session.getDataConnection() instanceof IODataConnectionFactory data && data.getInetAddress() == null) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_503_BAD_SEQUENCE_OF_COMMANDS,
                    "PORT or PASV must be issued first"));
            return true;
        }
        return false;
    }

    /** The data connection the client opened or awaits, or null when a 425 reply was sent. */
    static DataConnection opened(FtpIoSession session) {
        try {
            return session.getDataConnection().openConnection();
        } catch (Exception e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_425_CANT_OPEN_DATA_CONNECTION,
                    "Cannot open the data connection"));
            return null;
        }
    }
}
