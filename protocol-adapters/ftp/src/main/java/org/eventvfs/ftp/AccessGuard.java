package org.eventvfs.ftp;

import java.io.IOException;
import java.util.Set;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.eventvfs.LoginThrottle;
import org.eventvfs.RemoteAddresses;

/**
 * What a session may do before anything else is looked at: addresses banned after repeated
 * failed logins are turned away on connecting, and when TLS is required, logins on a plain
 * control connection and transfers on a plain data connection are refused (RFC 4217).
 */
final class AccessGuard extends DefaultFtplet {
    private static final Set<String> LOGIN = Set.of("USER", "PASS");
    private static final Set<String> TRANSFERS = Set.of("RETR", "STOR", "APPE", "STOU", "LIST", "NLST", "MLSD");

    private final LoginThrottle throttle;
    private final boolean requireTls;

    AccessGuard(LoginThrottle throttle, boolean requireTls) {
        this.throttle = throttle;
        this.requireTls = requireTls;
    }

    @Override
    public FtpletResult onConnect(FtpSession session) throws IOException, FtpException {
        String host = RemoteAddresses.host(session.getClientAddress());
        if (throttle.refuses(host)) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                    "Too many failed logins from " + host + "; try again later"));
            return FtpletResult.DISCONNECT;
        }
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws IOException, FtpException {
        if (!requireTls) {
            return FtpletResult.DEFAULT;
        }
        String command = request.getCommand().toUpperCase();
        if (LOGIN.contains(command) && !session.isSecure()) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_530_NOT_LOGGED_IN,
                    "This server requires TLS: send AUTH TLS before logging in"));
            return FtpletResult.SKIP;
        }
        if (TRANSFERS.contains(command) && !session.getDataConnection().isSecure()) {
            session.write(new DefaultFtpReply(521, "This server requires encrypted data connections: send PROT P"));
            return FtpletResult.SKIP;
        }
        return FtpletResult.DEFAULT;
    }
}
