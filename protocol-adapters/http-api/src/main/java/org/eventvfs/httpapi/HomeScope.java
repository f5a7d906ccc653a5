package org.eventvfs.httpapi;

import java.util.List;
import org.eventvfs.audit.Details;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogEntry;
import org.eventvfs.audit.LogPage;
import org.eventvfs.audit.LogQuery;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsPath;

/**
 * What one user may see through the API: their own volume, and in it only paths within their
 * home. Paths stay volume paths in requests and answers; anything outside the home is refused
 * (a path asked for) or left out (entries of a log or history, and their paths outside it).
 */
record HomeScope(String volume, VfsPath home) {
    static HomeScope of(Account account) {
        return new HomeScope(account.volume(), account.home());
    }

    /** Fails with 403 unless {@code name} is the user's volume. */
    void requireVolume(String name) {
        if (!name.equals(volume)) {
            throw ApiException.forbidden("you may only query your own volume, " + volume);
        }
    }

    /** {@code path} itself if it is the home or below it; fails with 403 otherwise. */
    VfsPath require(VfsPath path) {
        if (!path.startsWith(home)) {
            throw ApiException.forbidden(path + " is outside your home " + home);
        }
        return path;
    }

    /** The query narrowed to the home when it names no path, else with its path checked. */
    LogQuery confine(LogQuery query) {
        return query.withPath(query.path() == null ? home : require(query.path()));
    }

    /** The history without the revisions made while the file was outside the home. */
    FileHistory confine(FileHistory history) {
        return new FileHistory(history.path(), history.position(), inside(history.revisions()));
    }

    /** The page with its entries' paths outside the home left out. */
    LogPage confine(LogPage page) {
        return new LogPage(inside(page.entries()), page.next());
    }

    /**
     * The entries that touch the home, each without the paths outside it: a move into the home
     * from elsewhere shows where it went, not where it came from.
     */
    private List<LogEntry> inside(List<LogEntry> entries) {
        return entries.stream().filter(entry -> entry.touches(home)).map(this::masked).toList();
    }

    private LogEntry masked(LogEntry entry) {
        Details d = entry.details();
        Details details = d.source() == null || inside(d.source()) ? d : new Details(d.size(), d.sha256(), d.mode(),
                d.owner(), d.modified(), d.target(), null, d.received(), d.reason(), d.user(), d.change());
        return new LogEntry(entry.position(), entry.time(), entry.actor(), entry.event(),
                inside(entry.path()) ? entry.path() : null, inside(entry.toPath()) ? entry.toPath() : null, details);
    }

    private boolean inside(String path) {
        return path != null && VfsPath.parse(path).startsWith(home);
    }
}
