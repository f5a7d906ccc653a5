package org.eventvfs.audit;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Accounts;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsException;

/**
 * Queries over a volume's log: who did what, where and when. The CLI, the admin socket and the
 * HTTP API all answer from here, so their answers have one shape.
 */
public final class AuditLog {
    /** The most events one page reads: a narrow filter on a long log answers in pages with a cursor. */
    public static final int MAX_SCANNED = 100_000;

    private AuditLog() {
    }

    /**
     * The volume {@code name} if it holds any event; fails with NotFound otherwise, where
     * {@link Vfs#volume} would make a new one: a query must not create what it asks about.
     */
    public static Future<Volume> existingVolume(Vfs vfs, String name) {
        return vfs.volumes().compose(names -> names.contains(name) ? vfs.volume(name)
                : Future.failedFuture(new VfsException.NotFound("no such volume: " + name)));
    }

    /** The entries {@code query} asks for, oldest first, up to its limit. */
    public static Future<LogPage> read(Volume volume, LogQuery query) {
        long from = query.after() + 1;
        if (query.since() != null) {
            // The timeline is in position order, so the first position of the range is a lookup.
            from = Math.max(from, volume.positionAt(query.since() - 1) + 1);
        }
        long end = Math.min(query.upTo(), volume.position());
        if (query.until() != null) {
            end = Math.min(end, volume.positionAt(query.until()));
        }
        if (from > end) {
            return Future.succeededFuture(new LogPage(List.of(), null));
        }
        long last = end - from >= MAX_SCANNED ? from + MAX_SCANNED - 1 : end;
        List<LogEntry> entries = new ArrayList<>();
        long stop = end;
        return LogScan.forEach(volume, from, last, event -> {
            if (matches(query, event)) {
                LogEntry entry = LogEntries.of(volume, event);
                if (query.path() == null || entry.touches(query.path())) {
                    entries.add(entry);
                }
            }
            return entries.size() < query.limit();
        }).map(visited -> new LogPage(entries, visited < stop ? visited : null));
    }

    /**
     * The entries {@code query} asks for from the account stream, where administrators' changes to
     * users, invites and sessions are recorded; a path filter does not apply there.
     */
    public static Future<LogPage> readAccounts(Accounts accounts, LogQuery query) {
        if (query.path() != null) {
            return Future.failedFuture(new BadQuery(
                    "the account stream has no paths; filter it by user, type or time"));
        }
        long end = Math.min(query.upTo(), accounts.position());
        long from = query.after() + 1;
        long last = end - from >= MAX_SCANNED ? from + MAX_SCANNED - 1 : end;
        List<LogEntry> entries = new ArrayList<>();
        return LogScan.forEach(end, accounts::events, from, last, event -> {
            if (matches(query, event)) {
                entries.add(LogEntries.ofAccount(event));
            }
            return entries.size() < query.limit();
        }).map(visited -> new LogPage(entries, visited < end ? visited : null));
    }

    /** Every filter but the path, which needs the projection: the cheap ones first. */
    private static boolean matches(LogQuery query, EventEnvelope event) {
        Actor actor = event.actor();
        return (query.types().isEmpty() || query.types().contains(event.type()))
                && (query.user() == null || query.user().equals(actor.user()))
                && (query.protocol() == null || query.protocol().equalsIgnoreCase(actor.protocol()))
                && (query.address() == null || sameAddress(actor.address(), query.address()))
                && (query.since() == null || event.timestamp() >= query.since())
                && (query.until() == null || event.timestamp() <= query.until());
    }

    /** {@code wanted} is the whole address or its host without the port. */
    private static boolean sameAddress(String actual, String wanted) {
        if (actual == null) {
            return false;
        }
        if (actual.equals(wanted)) {
            return true;
        }
        int colon = actual.lastIndexOf(':');
        String host = colon < 0 ? actual : actual.substring(0, colon);
        return host.equals(wanted) || host.equals("[" + wanted + "]");
    }
}
