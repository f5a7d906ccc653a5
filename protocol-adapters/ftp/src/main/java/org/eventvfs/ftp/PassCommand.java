package org.eventvfs.ftp;

import java.io.IOException;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.impl.PASS;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * FtpServer's PASS, run with its session made known to {@link FtpUsers}: FtpServer tells a user
 * manager only the client's IP address, but the actor of every event needs the address with its
 * port and the session id, and the login throttle needs the address before the password check.
 */
final class PassCommand extends AbstractCommand {
    private static final ThreadLocal<FtpIoSession> LOGGING_IN = new ThreadLocal<>();

    private final Command builtIn = new PASS();

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        LOGGING_IN.set(session);
        try {
            builtIn.execute(session, context, request);
        } finally {
            LOGGING_IN.remove();
        }
    }

    /** The session whose PASS runs on this thread, or null. */
    static FtpIoSession loggingIn() {
        return LOGGING_IN.get();
    }
}
