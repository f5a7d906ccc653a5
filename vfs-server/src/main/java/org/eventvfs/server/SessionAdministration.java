package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.LiveSession;
import org.eventvfs.Vfs;
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

    /** The one place that learns of every kick. */
    private Future<Kicked> kicked(List<LiveSession> sessions) {
        sessions.forEach(session -> LOG.info("{} kicked session {} ({} user {} from {})", actor.user(), session.id(),
                session.protocol(), session.user(), session.address()));
        return Future.succeededFuture(new Kicked(sessions.size()));
    }
}
