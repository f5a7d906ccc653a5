package org.eventvfs.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HexFormat;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * A file's SHA-256 as the store already knows it, without reading the file: HASH
 * (draft-bryan-ftpext-hash, the one algorithm SHA-256, the whole file) and the older XSHA256.
 */
final class HashCommand extends AbstractCommand {
    private static final String STORED_SHA256 = "vfs:sha256";

    private final boolean draftReply;

    private HashCommand(boolean draftReply) {
        this.draftReply = draftReply;
    }

    /** {@code 213 SHA-256 0-<last byte> <hex> <name>}. */
    static HashCommand hash() {
        return new HashCommand(true);
    }

    /** {@code 213 <hex>}. */
    static HashCommand xsha256() {
        return new HashCommand(false);
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        session.resetState();
        String argument = request.getArgument();
        if (argument == null) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_501_SYNTAX_ERROR_IN_PARAMETERS_OR_ARGUMENTS,
                    request.getCommand() + " needs a file name"));
            return;
        }
        VfsFtpFile file;
        try {
            file = (VfsFtpFile) session.getFileSystemView().getFile(argument);
        } catch (FtpException e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN, e.getMessage()));
            return;
        }
        if (!file.isFile()) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    file.getAbsolutePath() + (file.doesExist() ? ": not a plain file" : ": no such file")));
            return;
        }
        String hex = HexFormat.of().formatHex((byte[]) Files.getAttribute(file.path(), STORED_SHA256));
        String range = "0-" + Math.max(0, file.getSize() - 1);
        session.write(new DefaultFtpReply(FtpReply.REPLY_213_FILE_STATUS,
                draftReply ? "SHA-256 " + range + " " + hex + " " + argument : hex));
    }
}
