package org.eventvfs.ftp;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.ftpserver.ftplet.DataConnectionFactory;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Makes ABOR interrupt the transfer it is sent during. FtpServer runs a session's commands one
 * after the other, so its ABOR would only run once the transfer had ended by itself, and an
 * upload the client gave up would look complete. This filter sits before that queue, on the
 * I/O thread: when a line {@code ABOR} arrives it counts it and closes the data connection at
 * once, so the transfer in progress fails and {@link UploadCommand} abandons it. (The ABOR
 * command itself still runs in turn and answers 226.)
 */
final class AbortWatch extends IoFilterAdapter {
    static final String NAME = "abortWatch";
    private static final String ABORTS = AbortWatch.class.getName() + ".aborts";
    private static final String DATA_CONNECTION = FtpIoSession.ATTRIBUTE_PREFIX + "data-connection";
    private static final byte[] ABOR = {'A', 'B', 'O', 'R'};

    /** Starts counting the session's ABORs. */
    void watch(IoSession session) {
        session.setAttribute(ABORTS, new AtomicLong());
    }

    /** How many ABORs the session has sent so far: a transfer compares this before and after. */
    static long aborts(FtpIoSession session) {
        AtomicLong aborts = (AtomicLong) session.getAttribute(ABORTS);
        return aborts == null ? 0 : aborts.get();
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (message instanceof IoBuffer bytes && holdsAbort(bytes)) {
            ((AtomicLong) session.getAttribute(ABORTS)).incrementAndGet();
            if (session.getAttribute(DATA_CONNECTION) instanceof DataConnectionFactory data) {
                data.closeDataConnection();
            }
        }
        next.messageReceived(session, message);
    }

    /**
     * True if a line of the buffer is ABOR, in any case, perhaps preceded by the Telnet
     * interrupt bytes (IAC IP IAC DM) that RFC 959 asks clients to send before it.
     */
    static boolean holdsAbort(IoBuffer bytes) {
        int start = bytes.position();
        int end = bytes.limit();
        boolean lineStart = true;
        for (int i = start; i < end; i++) {
            int b = bytes.get(i) & 0xff;
            if (b == '\n' || b >= 0xf0) {
                lineStart = true;
            } else if (lineStart && isAbor(bytes, i, end)) {
                return true;
            } else {
                lineStart = false;
            }
        }
        return false;
    }

    private static boolean isAbor(IoBuffer bytes, int at, int end) {
        if (at + ABOR.length >= end) {
            return false;
        }
        for (int k = 0; k < ABOR.length; k++) {
            if (Character.toUpperCase(bytes.get(at + k)) != ABOR[k]) {
                return false;
            }
        }
        byte after = bytes.get(at + ABOR.length);
        return after == '\r' || after == '\n';
    }
}
