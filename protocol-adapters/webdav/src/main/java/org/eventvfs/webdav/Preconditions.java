package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;

/**
 * The conditions a request states about the resource it changes: the WebDAV If header and
 * HTTP's If-Match, If-None-Match and If-Unmodified-Since (RFC 9110 §13). A failed one is 412.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** Checks every condition against {@code node}, the current node at the request path (null if none). */
    static Future<Void> check(DavRequest request, Node node) {
        checkHttp(request, node);
        IfHeader header = request.ifHeader();
        if (header == null) {
            return Future.succeededFuture();
        }
        List<Future<Boolean>> lists = new ArrayList<>();
        for (IfHeader.ConditionList list : header.lists()) {
            lists.add(holds(request, list, node));
        }
        return Future.all(lists).compose(all -> {
            for (int i = 0; i < lists.size(); i++) {
                if (lists.get(i).result()) {
                    return Future.succeededFuture();
                }
            }
            return Future.failedFuture(new DavException(412, "no list of the If header holds"));
        });
    }

    private static void checkHttp(DavRequest request, Node node) {
        String ifMatch = request.http().getHeader("If-Match");
        if (ifMatch != null && (node == null || !Etags.listed(ifMatch, Etags.of(node)))) {
            throw new DavException(412, "If-Match does not match");
        }
        String ifNoneMatch = request.http().getHeader("If-None-Match");
        if (ifNoneMatch != null && node != null && Etags.listed(ifNoneMatch, Etags.of(node))) {
            throw new DavException(412, "If-None-Match matches");
        }
        String unmodifiedSince = request.http().getHeader("If-Unmodified-Since");
        if (unmodifiedSince != null && node != null && ifMatch == null) {
            Long since = httpDate(unmodifiedSince);
            if (since != null && node.modified() / 1000 > since / 1000) {
                throw new DavException(412, "modified since " + unmodifiedSince);
            }
        }
    }

    private static Future<Boolean> holds(DavRequest request, IfHeader.ConditionList list, Node requestNode) {
        if (list.resource() == null) {
            return Future.succeededFuture(allHold(request, list, request.path(), requestNode));
        }
        VfsPath tagged;
        try {
            String authority = Hrefs.authorityOf(list.resource());
            if (authority != null && !authority.equalsIgnoreCase(request.http().authority().toString())) {
                return Future.succeededFuture(false);
            }
            tagged = request.volumePath(Hrefs.names(Hrefs.pathOf(list.resource())));
        } catch (DavException e) {
            return Future.succeededFuture(false);
        }
        return request.find(tagged).map(node -> allHold(request, list, tagged, node));
    }

    private static boolean allHold(DavRequest request, IfHeader.ConditionList list, VfsPath path, Node node) {
        for (IfHeader.Condition condition : list.conditions()) {
            if (matches(request, condition, path, node) == condition.not()) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(DavRequest request, IfHeader.Condition condition, VfsPath path, Node node) {
        if (condition.entityTag() != null) {
            return node != null && Etags.listed(condition.entityTag(), Etags.of(node));
        }
        Lock lock = request.volume().locks().find(condition.stateToken());
        return lock != null && lock.covers(path);
    }

    /** Epoch milliseconds of an HTTP date, or null if it is not one (then the condition is ignored). */
    static Long httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
