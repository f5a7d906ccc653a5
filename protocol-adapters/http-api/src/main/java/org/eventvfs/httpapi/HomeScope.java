package org.eventvfs.httpapi;

import java.util.List;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogEntry;
import org.eventvfs.audit.LogQuery;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsPath;

/**
 * What one user may see through the API: their own volume, and in it only paths within their
 * home. Paths stay volume paths in requests and answers; anything outside the home is refused
 * (a path asked for) or left out (entries of a log or history).
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
        List<LogEntry> inside = history.revisions().stream().filter(entry -> entry.touches(home)).toList();
        return new FileHistory(history.path(), history.position(), inside);
    }
}
