package org.eventvfs.domain;

/**
 * Who asked for a change, recorded in every event.
 *
 * @param user the user name
 * @param protocol {@code sftp}, {@code webdav}, {@code ftp}, {@code http} or {@code cli}
 * @param address the remote address, or {@code local}
 * @param session a session id unique within the protocol
 * @param client the client's version string or User-Agent, when it sent one
 */
public record Actor(String user, String protocol, String address, String session, String client) {
    /** The actor for changes made by the {@code vfs} command on this machine. */
    public static Actor cli(String user) {
        return new Actor(user, "cli", "local", "cli-" + ProcessHandle.current().pid(), null);
    }

    /** The actor the server uses for its own changes, such as creating a volume's root. */
    public static final Actor SYSTEM = new Actor("system", "system", "local", "system", null);
}
