package org.eventvfs.server;

import java.util.ArrayList;
import java.util.List;

/**
 * What the join page tells a new user about connecting: the file protocols this server serves and
 * their ports. The page adds the host name the browser used, which is the one that reaches it.
 */
record JoinInstructions(List<Served> protocols) {
    static final String PATH = "/join/protocols";

    /** @param tls whether it is served over TLS (WebDAV with a certificate) */
    record Served(String protocol, int port, boolean tls) {
    }

    static JoinInstructions of(ServerConfig config) {
        List<Served> served = new ArrayList<>();
        for (Protocol protocol : List.of(Protocol.SFTP, Protocol.WEBDAV, Protocol.FTP)) {
            if (config.port(protocol) != 0) {
                served.add(new Served(protocol.key(), config.port(protocol),
                        protocol == Protocol.WEBDAV && config.settings(protocol).get("certificate") != null));
            }
        }
        return new JoinInstructions(served);
    }
}
