package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eventvfs.LiveSession;
import org.eventvfs.Vfs;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsException;
import org.eventvfs.server.AdminApi.Kicked;
import org.eventvfs.server.AdminApi.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live sessions of a running server, listed and kicked out on behalf of one administrator:
 * every kick goes through here, so each is recorded in one place.
 */
final class SessionAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAdministration.class);

    private final Vfs vfs;
    private final Actor actor;

    SessionAdministration(Vfs vfs, Actor actor) {
        this.vfs = vfs;
        this.actor = actor;
    }

    /** The open sessions, oldest first. */
    Future<List<Session>> list() {
        return Future.succeededFuture(vfs.sessions().list().stream().map(Session::of).toList());
    }

    /** Closes the session {@code id}; fails with {@link VfsException.NotFound} if none is open. */
    Future<Kicked> kick(String id) {
        return vfs.sessions().kick(id).map(session -> kicked(List.of(session)))
                .orElseGet(() -> Future.failedFuture(new VfsException.NotFound("no session " + id + " is open")));
    }

    /** Closes every session logged in as {@code user}, if any. */
    Future<Kicked> kickUser(String user) {
        return kicked(vfs.sessions().kickUser(user));
    }

    /**
     * The one place that learns of every kick: each is logged, and the sessions of each user go in
     * the account stream as one {@code SessionsEnded} event with the administrator as its actor. A
     * session that never logged in is about no user, so only the log line tells of it.
     */
    private Future<Kicked> kicked(List<LiveSession> sessions) {
        sessions.forEach(session -> LOG.info("{} kicked session {} ({} user {} from {})", actor.user(), session.id(),
                session.protocol(), session.user(), session.address()));
        Map<String, List<String>> byUser = sessions.stream().filter(session -> session.user() != null)
                .collect(Collectors.groupingBy(LiveSession::user, TreeMap::new,
                        Collectors.mapping(LiveSession::id, Collectors.toList())));
        return Future.all(byUser.entrySet().stream().map(user -> vfs.accounts()
                        .execute(new AccountCommand.EndSessions(user.getKey(), user.getValue()), actor))
                        .toList())
                .map(recorded -> new Kicked(sessions.size()));
    }
}
