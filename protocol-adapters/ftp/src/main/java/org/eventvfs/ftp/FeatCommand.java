package org.eventvfs.ftp;

import java.util.ArrayList;
import java.util.List;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * FEAT (RFC 2389) listing what this server serves: FtpServer's own list names extensions that
 * are not configured here (AUTH without a certificate) and lacks HASH.
 */
final class FeatCommand extends AbstractCommand {
    private final String reply;

    FeatCommand(boolean tls) {
        List<String> lines = new ArrayList<>();
        lines.add("Extensions supported");
        if (tls) {
            lines.addAll(List.of(" AUTH TLS", " PBSZ", " PROT"));
        }
        lines.addAll(List.of(" EPRT", " EPSV", " HASH SHA-256*", " MDTM", " MFMT",
                " MLST Size*;Modify*;Type*;Perm*;", " REST STREAM", " SIZE", " TVFS", " UTF8", "End"));
        reply = String.join("\n", lines);
    }

    /** The reply's text, one line a feature. */
    String reply() {
        return reply;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) {
        session.resetState();
        session.write(new DefaultFtpReply(FtpReply.REPLY_211_SYSTEM_STATUS_REPLY, reply));
    }
}
