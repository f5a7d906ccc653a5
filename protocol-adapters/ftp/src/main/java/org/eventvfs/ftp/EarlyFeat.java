package org.eventvfs.ftp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

/**
 * Answers FEAT before login, as RFC 2389 allows and clients expect (they ask it first, to learn
 * whether AUTH TLS is offered); FtpServer answers every command but a fixed few with 530 until
 * the user has logged in. Sits after {@link LineLimit}, so it sees whole lines. Before login
 * clients send one command and wait for its reply, so answering here keeps replies in order.
 */
final class EarlyFeat extends IoFilterAdapter {
    static final String NAME = "earlyFeat";
    private static final String USER = FtpIoSession.ATTRIBUTE_PREFIX + "user";

    private final FtpReply features;

    EarlyFeat(FeatCommand feat) {
        this.features = new DefaultFtpReply(FtpReply.REPLY_211_SYSTEM_STATUS_REPLY, feat.reply());
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) {
        if (!(message instanceof IoBuffer bytes) || session.containsAttribute(USER)) {
            next.messageReceived(session, message);
            return;
        }
        ByteArrayOutputStream others = new ByteArrayOutputStream(bytes.remaining());
        byte[] all = new byte[bytes.remaining()];
        bytes.get(all);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                String line = new String(all, start, i + 1 - start, StandardCharsets.ISO_8859_1).trim();
                if (line.equalsIgnoreCase("FEAT")) {
                    session.write(features);
                } else {
                    others.write(all, start, i + 1 - start);
                }
                start = i + 1;
            }
        }
        others.write(all, start, all.length - start);
        if (others.size() > 0) {
            next.messageReceived(session, IoBuffer.wrap(others.toByteArray()));
        }
    }
}
