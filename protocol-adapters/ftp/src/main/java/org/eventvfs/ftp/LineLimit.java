package org.eventvfs.ftp;

import java.io.ByteArrayOutputStream;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Refuses command lines longer than FtpServer reads with a 500 reply, dropping them, where
 * FtpServer would close the connection without a word. Sits before FtpServer's line decoder and
 * passes on whole lines only, so the decoder never sees the start of a line that is dropped.
 */
final class LineLimit extends IoFilterAdapter {
    static final String NAME = "lineLimit";
    /** Under the 1024 bytes of FtpServer's line decoder, CR LF included. */
    static final int MAX_LINE_BYTES = 1000;
    private static final String STATE = LineLimit.class.getName() + ".state";

    /** The current line so far, or that it is being dropped. */
    private static final class State {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean dropping;
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) {
        if (!(message instanceof IoBuffer bytes)) {
            next.messageReceived(session, message);
            return;
        }
        State state = (State) session.getAttribute(STATE);
        if (state == null) {
            state = new State();
            session.setAttribute(STATE, state);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream(bytes.remaining());
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (state.dropping) {
                if (b == '\n') {
                    state.dropping = false;
                    session.write(new DefaultFtpReply(FtpReply.REPLY_500_SYNTAX_ERROR_COMMAND_UNRECOGNIZED,
                            "Command line too long: at most " + MAX_LINE_BYTES + " bytes"));
                }
                continue;
            }
            state.line.write(b);
            if (b == '\n') {
                whole.writeBytes(state.line.toByteArray());
                state.line.reset();
            } else if (state.line.size() > MAX_LINE_BYTES) {
                state.line.reset();
                state.dropping = true;
            }
        }
        if (whole.size() > 0) {
            next.messageReceived(session, IoBuffer.wrap(whole.toByteArray()));
        }
    }
}
