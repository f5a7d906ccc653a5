package org.eventvfs.ftp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.apache.ftpserver.command.AbstractCommand;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.impl.ServerFtpStatistics;
import org.eventvfs.RemoteAddresses;
import org.eventvfs.nio.VfsFileSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOR and APPE (with REST), served as FtpServer serves them but for one thing: its commands close
 * the file whether the transfer ended or broke, which would commit half an upload. Here only a
 * data connection that the client ends cleanly commits, as one new revision; one that breaks, or
 * that ABOR interrupts, is abandoned (the file keeps its last revision) and the log records the
 * aborted upload.
 */
final class UploadCommand extends AbstractCommand {
    private static final Logger LOG = LoggerFactory.getLogger(UploadCommand.class);

    private final boolean append;

    private UploadCommand(boolean append) {
        this.append = append;
    }

    static UploadCommand store() {
        return new UploadCommand(false);
    }

    static UploadCommand append() {
        return new UploadCommand(true);
    }

    private String name() {
        return append ? "APPE" : "STOR";
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        try {
            VfsFtpFile file = target(session, request);
            if (file == null) {
                return;
            }
            SeekableByteChannel channel;
            try {
                channel = open(file, append ? -1 : session.getFileOffset());
            } catch (IOException e) {
                session.write(refusal(file, e));
                return;
            }
            session.write(new DefaultFtpReply(FtpReply.REPLY_150_FILE_STATUS_OKAY,
                    "Ready to receive " + file.getAbsolutePath())).awaitUninterruptibly(10_000);
            DataConnection data = TransferChecks.opened(session);
            if (data == null) {
                VfsFileSystems.abandon(channel, 0, "the data connection could not be opened");
                return;
            }
            receive(session, context, file, channel, data);
        } finally {
            session.resetState();
            session.getDataConnection().closeDataConnection();
        }
    }

    /** The file named by the request, or null when a reply refusing it was sent. */
    private VfsFtpFile target(FtpIoSession session, FtpRequest request) {
        String argument = request.getArgument();
        if (TransferChecks.refused(session, name(), argument)) {
            return null;
        }
        VfsFtpFile file;
        try {
            file = (VfsFtpFile) session.getFileSystemView().getFile(argument);
        } catch (FtpException e) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_553_REQUESTED_ACTION_NOT_TAKEN_FILE_NAME_NOT_ALLOWED,
                    e.getMessage()));
            return null;
        }
        if (!file.isWritable()) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    file.getAbsolutePath() + ": permission denied"));
            return null;
        }
        if (file.isDirectory()) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    file.getAbsolutePath() + ": is a directory"));
            return null;
        }
        return file;
    }

    /**
     * The channel the upload goes to: appended to, written from a REST offset (what was there
     * after it is replaced), or replacing the whole file.
     */
    private static SeekableByteChannel open(VfsFtpFile file, long offset) throws IOException {
        if (offset < 0) {
            return Files.newByteChannel(file.path(), Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        }
        if (offset == 0) {
            return Files.newByteChannel(file.path(), Set.<OpenOption>of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
        }
        SeekableByteChannel channel = Files.newByteChannel(file.path(), StandardOpenOption.WRITE);
        if (offset > channel.size()) {
            long size = channel.size();
            channel.close();
            throw new FileSystemException(file.getAbsolutePath(), null, "cannot restart at " + offset
                    + ", the file has " + size + " bytes");
        }
        channel.truncate(offset);
        channel.position(offset);
        return channel;
    }

    private void receive(FtpIoSession session, FtpServerContext context, VfsFtpFile file,
                         SeekableByteChannel channel, DataConnection data) throws IOException {
        long abortsBefore = AbortWatch.aborts(session);
        ChannelSink sink = new ChannelSink(channel);
        try {
            OutputStream out = new BufferedOutputStream(sink, VfsFtpFile.STREAM_BUFFER);
            DataTransfer.fromClient(session, data, out);
            out.flush();
        } catch (IOException e) {
            boolean ours = sink.failure != null;
            String reason = ours ? "could not be stored: " + sink.failure.getMessage()
                    : AbortWatch.aborts(session) != abortsBefore ? "aborted by the client (ABOR)"
                    : "the data connection broke: " + e.getMessage();
            giveUp(session, file, channel, sink.received, reason);
            session.write(ours ? new DefaultFtpReply(FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED,
                    file.getAbsolutePath() + " " + reason)
                    : new DefaultFtpReply(FtpReply.REPLY_426_CONNECTION_CLOSED_TRANSFER_ABORTED,
                    "Transfer aborted; " + file.getAbsolutePath() + " is unchanged"));
            return;
        }
        if (AbortWatch.aborts(session) != abortsBefore) {
            giveUp(session, file, channel, sink.received, "aborted by the client (ABOR)");
            session.write(new DefaultFtpReply(FtpReply.REPLY_426_CONNECTION_CLOSED_TRANSFER_ABORTED,
                    "Transfer aborted; " + file.getAbsolutePath() + " is unchanged"));
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("ftp: {} from {} could not be committed: {}", file.getAbsolutePath(),
                    RemoteAddresses.text(session.getRemoteAddress()), e.getMessage());
            session.write(refusal(file, e));
            return;
        }
        ((ServerFtpStatistics) context.getFtpStatistics()).setUpload(session, file, sink.received);
        session.write(new DefaultFtpReply(FtpReply.REPLY_226_CLOSING_DATA_CONNECTION,
                "Transfer complete: " + sink.received + " bytes stored in " + file.getAbsolutePath()));
    }

    private static void giveUp(FtpIoSession session, VfsFtpFile file, SeekableByteChannel channel, long received,
                               String reason) {
        String user = session.getUser() == null ? "?" : session.getUser().getName();
        LOG.info("ftp: upload of {} by {} from {} {} after {} bytes; the file is unchanged", file.getAbsolutePath(),
                user, RemoteAddresses.text(session.getRemoteAddress()), reason, received);
        try {
            VfsFileSystems.abandon(channel, received, reason);
        } catch (IOException e) {
            LOG.warn("ftp: the aborted upload of {} could not be recorded: {}", file.getAbsolutePath(),
                    e.getMessage());
        }
    }

    private static FtpReply refusal(VfsFtpFile file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    file.getAbsolutePath() + ": permission denied" + reasonOf(e));
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    file.getAbsolutePath() + ": " + fs.getReason());
        }
        return new DefaultFtpReply(FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED,
                file.getAbsolutePath() + ": " + e.getMessage());
    }

    private static String reasonOf(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? " (" + fs.getReason() + ")" : "";
    }

    /** Writes into the channel, counting what it took and keeping its own failure apart from the network's. */
    private static final class ChannelSink extends OutputStream {
        private final SeekableByteChannel channel;
        private long received;
        private IOException failure;

        ChannelSink(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            received += length;
        }
    }
}
