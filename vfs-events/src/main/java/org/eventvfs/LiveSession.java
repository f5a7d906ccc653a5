package org.eventvfs;

import java.time.Instant;

/**
 * A session a protocol adapter has open, as an administrator sees it in {@link LiveSessions#list()}.
 *
 * @param id unique in this process, such as {@code sftp-17}; the session id in the actor of every
 *           event the session causes, so the audit log shows what it did
 * @param user the user it logged in as, or null until it has
 * @param address the client's address and port, as events show it ({@link RemoteAddresses})
 * @param client the SSH client's version string or the HTTP User-Agent, or null
 * @param since when it connected
 */
public record LiveSession(String id, String protocol, String user, String address, String client, Instant since) {
}
