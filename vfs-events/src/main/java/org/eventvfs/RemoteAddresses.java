package org.eventvfs;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Client addresses as events and logs show them, and as the login throttle counts them. */
public final class RemoteAddresses {
    private RemoteAddresses() {
    }

    /** {@code 203.0.113.7:50022} or {@code [2001:db8::1]:50022}: the actor's address. */
    public static String text(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }

    /** As {@link #text(SocketAddress)}, for a Vert.x connection's address; {@code unknown} without one. */
    public static String text(io.vertx.core.net.SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return "unknown";
        }
        String host = remote.hostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + remote.port();
    }

    /** The address without the port: what the login throttle counts by. */
    public static String host(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }
}
