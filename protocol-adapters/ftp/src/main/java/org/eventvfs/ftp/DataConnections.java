package org.eventvfs.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.ftpserver.ftplet.DataConnection;
import org.apache.ftpserver.ftplet.DataType;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.impl.IODataConnection;
import org.apache.ftpserver.impl.IODataConnectionFactory;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's data connections, opened as FtpServer opens them (PASV, PORT, TLS, the address
 * checks), but a binary transfer moves its bytes in chunks of {@link VfsFtpFile#STREAM_BUFFER}.
 * FtpServer's own loop copies 4 KiB at a time through an 8 KiB socket buffer, with a system call
 * and a few session updates every 8 KiB, and that loop bounded downloads and large uploads. ASCII
 * transfers (line ends to convert), MODE Z and listings still go through FtpServer's loop.
 */
final class DataConnections extends IODataConnectionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DataConnections.class);
    private static final String ATTRIBUTE = FtpIoSession.ATTRIBUTE_PREFIX + "data-connection";
    /** FtpServer's connection keeps its socket to itself; null if a later FtpServer renamed it. */
    private static final VarHandle SOCKET = socketField();

    private final FtpIoSession session;

    private DataConnections(FtpServerContext context, FtpIoSession session) {
        super(context, session);
        this.session = session;
    }

    /**
     * Gives {@code session} its data connections, where FtpServer would make its own when the first
     * PASV or PORT asks for them. Called once FtpServer has taken the session (it knows its
     * listener, which says whether data connections start in TLS), before any command runs.
     */
    static void install(IoSession session, FtpServerContext context) {
        DataConnections connections = new DataConnections(context, new FtpIoSession(session, context));
        connections.setServerControlAddress(((InetSocketAddress) session.getLocalAddress()).getAddress());
        session.setAttribute(ATTRIBUTE, connections);
    }

    @Override
    public DataConnection openConnection() throws Exception {
        DataConnection opened = super.openConnection();
        Socket socket = SOCKET != null && opened instanceof IODataConnection ? (Socket) SOCKET.get(opened) : null;
        return socket == null ? opened : new Chunked(opened, socket);
    }

    private static VarHandle socketField() {
        try {
            return MethodHandles.privateLookupIn(IODataConnection.class, MethodHandles.lookup())
                    .findVarHandle(IODataConnection.class, "socket", Socket.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("ftp: transfers go through FtpServer's 4 KiB copy loop ({})", e.toString());
            return null;
        }
    }

    /** One open data connection: binary transfers here, the rest through FtpServer's. */
    private final class Chunked implements DataConnection {
        private final DataConnection theirs;
        private final Socket socket;

        Chunked(DataConnection theirs, Socket socket) {
            this.theirs = theirs;
            this.socket = socket;
        }

        private boolean ours(FtpSession ftplet) {
            return ftplet.getDataType() == DataType.BINARY && !isZipMode();
        }

        /** Reads the client's bytes until it ends the connection, handing them on a chunk at a time. */
        @Override
        public long transferFromClient(FtpSession ftplet, OutputStream out) throws IOException {
            if (!ours(ftplet)) {
                return theirs.transferFromClient(ftplet, out);
            }
            return closingOnFailure(() -> {
                byte[] chunk = new byte[VfsFtpFile.STREAM_BUFFER];
                long total = 0;
                int filled = 0;
                try (InputStream in = socket.getInputStream()) {
                    for (int n; (n = in.read(chunk, filled, chunk.length - filled)) >= 0; ) {
                        filled += n;
                        total += n;
                        session.increaseReadDataBytes(n);
                        if (filled == chunk.length) {
                            out.write(chunk, 0, filled);
                            filled = 0;
                            session.updateLastAccessTime();
                        }
                    }
                }
                out.write(chunk, 0, filled);
                return total;
            });
        }

        /** Sends {@code in} to its end, then closes the connection: the client's end of file. */
        @Override
        public long transferToClient(FtpSession ftplet, InputStream in) throws IOException {
            if (!ours(ftplet)) {
                return theirs.transferToClient(ftplet, in);
            }
            return closingOnFailure(() -> {
                byte[] chunk = new byte[VfsFtpFile.STREAM_BUFFER];
                long total = 0;
                try (OutputStream out = socket.getOutputStream()) {
                    for (int n; (n = in.read(chunk)) >= 0; ) {
                        out.write(chunk, 0, n);
                        total += n;
                        session.increaseWrittenDataBytes(n);
                        session.updateLastAccessTime();
                    }
                }
                return total;
            });
        }

        @Override
        public void transferToClient(FtpSession ftplet, String text) throws IOException {
            theirs.transferToClient(ftplet, text);
        }

        /** As FtpServer's transfers do, a failed one closes the data connection. */
        private long closingOnFailure(Transfer transfer) throws IOException {
            try {
                return transfer.run();
            } catch (IOException | RuntimeException e) {
                closeDataConnection();
                throw e;
            }
        }
    }

    private interface Transfer {
        long run() throws IOException;
    }
}
