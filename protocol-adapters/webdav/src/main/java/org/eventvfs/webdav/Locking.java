package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VolumeCommand;
import org.w3c.dom.Element;

/**
 * LOCK and UNLOCK (RFC 4918 §9.10, §9.11): write locks, exclusive or shared, Depth 0 or infinity,
 * refreshed by a LOCK without a body. A lock on an unmapped URL creates an empty file (§7.3).
 */
final class Locking {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private Locking() {
    }

    static Future<Void> lock(DavRequest request) {
        request.requireWritable();
        int depth = request.depth(-1);
        if (depth == 1) {
            throw new DavException(400, "LOCK takes Depth: 0 or infinity");
        }
        Duration timeout = timeout(request);
        return request.xmlBody().compose(body -> body == null ? refresh(request, timeout)
                : create(request, lockInfo(body), depth != 0, timeout));
    }

    static Future<Void> unlock(DavRequest request) {
        String header = request.http().getHeader("Lock-Token");
        if (header == null || !header.trim().startsWith("<") || !header.trim().endsWith(">")) {
            throw new DavException(400, "UNLOCK needs a Lock-Token header: <token>");
        }
        String token = header.trim().substring(1, header.trim().length() - 1);
        Lock lock = request.volume().locks().find(token);
        if (lock == null || !lock.covers(request.path())) {
            throw new DavException(409, "lock-token-matches-request-uri", "no lock " + token + " on "
                    + request.http().path());
        }
        if (!lock.user().equals(request.user())) {
            throw new DavException(403, "the lock " + token + " belongs to " + lock.user());
        }
        return request.volume().locks().unlock(token, request.user()).map(done -> {
            request.response().setStatusCode(204).end();
            return null;
        });
    }

    private record LockInfo(boolean shared, String owner) {
    }

    private static LockInfo lockInfo(Element body) {
        if (!DavXml.isDav(body, "lockinfo")) {
            throw new DavException(400, "a LOCK body must be a DAV:lockinfo element");
        }
        Element scope = DavXml.child(body, "lockscope");
        Element type = DavXml.child(body, "locktype");
        if (scope == null || type == null || DavXml.child(type, "write") == null) {
            throw new DavException(400, "a lockinfo needs a lockscope and a write locktype");
        }
        boolean shared = DavXml.child(scope, "shared") != null;
        if (!shared && DavXml.child(scope, "exclusive") == null) {
            throw new DavException(400, "the lockscope must be exclusive or shared");
        }
        Element owner = DavXml.child(body, "owner");
        return new LockInfo(shared, owner == null ? null : XmlText.innerXml(owner));
    }

    private static Future<Void> create(DavRequest request, LockInfo info, boolean deep, Duration timeout) {
        return request.find(request.path()).compose(node -> Preconditions.check(request, node)
                .compose(ok -> request.volume().locks().lock(request.path(), info.shared, deep, info.owner,
                        request.user(), timeout))
                .recover(failure -> Future.failedFuture(failure instanceof VfsException.Locked locked
                        ? new DavException(423, "no-conflicting-lock", locked.getMessage()) : failure))
                .compose(lock -> (node == null ? createEmpty(request, lock) : Future.<Void>succeededFuture())
                        .map(created -> {
                            respond(request, lock, node == null ? 201 : 200);
                            return null;
                        })));
    }

    /** Locking an unmapped URL makes an empty file there; if that fails, so does the lock. */
    private static Future<Void> createEmpty(DavRequest request, Lock lock) {
        return request.find(request.path().parent()).compose(parent -> {
            if (parent == null || !parent.isDirectory()) {
                return Future.failedFuture(new DavException(409, "no collection to lock "
                        + request.http().path() + " in"));
            }
            return request.volume().execute(Ids.newId(),
                    new VolumeCommand.CreateFile(request.path(), Node.DEFAULT_FILE_MODE, Overwrite.NEVER),
                    request.actor(), withToken(request, lock)).<Void>mapEmpty();
        }).onFailure(failed -> request.volume().locks().unlock(lock.token(), lock.user()));
    }

    private static Set<String> withToken(DavRequest request, Lock lock) {
        Set<String> tokens = new HashSet<>(request.submittedTokens());
        tokens.add(lock.token());
        return tokens;
    }

    private static Future<Void> refresh(DavRequest request, Duration timeout) {
        for (String token : request.submittedTokens()) {
            Lock lock = request.volume().locks().find(token);
            if (lock != null && lock.covers(request.path()) && lock.user().equals(request.user())) {
                return request.volume().locks().refresh(token, request.user(), timeout).map(refreshed -> {
                    respond(request, refreshed, 200);
                    return null;
                });
            }
        }
        throw new DavException(412, "lock-token-submitted", "a LOCK refresh needs the token of a lock of yours on "
                + request.http().path() + " in its If header");
    }

    private static void respond(DavRequest request, Lock lock, int status) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<D:prop xmlns:D=\"DAV:\"><D:lockdiscovery>");
        LiveProperties.activeLock(lock, request, xml);
        xml.append("</D:lockdiscovery></D:prop>\n");
        request.response().setStatusCode(status)
                .putHeader("Lock-Token", "<" + lock.token() + ">")
                .putHeader("Content-Type", Multistatus.CONTENT_TYPE)
                .end(xml.toString());
    }

    /** The first timeout of the Timeout header we understand, at most the configured longest. */
    private static Duration timeout(DavRequest request) {
        Duration longest = request.settings().maxLockTimeout();
        String header = request.http().getHeader("Timeout");
        Duration asked = header == null ? DEFAULT_TIMEOUT : null;
        if (header != null) {
            for (String option : header.split(",")) {
                String value = option.trim();
                if (value.equalsIgnoreCase("Infinite")) {
                    asked = longest;
                    break;
                }
                if (value.regionMatches(true, 0, "Second-", 0, 7)) {
                    try {
                        asked = Duration.ofSeconds(Long.parseLong(value.substring(7)));
                        break;
                    } catch (NumberFormatException | ArithmeticException e) {
                        // Try the next option.
                    }
                }
            }
        }
        if (asked == null || asked.isNegative() || asked.isZero()) {
            asked = DEFAULT_TIMEOUT;
        }
        return asked.compareTo(longest) > 0 ? longest : asked;
    }
}
