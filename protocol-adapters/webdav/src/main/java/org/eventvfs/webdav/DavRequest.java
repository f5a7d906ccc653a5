package org.eventvfs.webdav;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Set;
import org.eventvfs.Volume;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.w3c.dom.Element;

/**
 * One authenticated request: who sent it, the volume and home it reaches, and the volume path its
 * URI names. Every path a client names goes through {@link #volumePath} and stays in the home.
 */
final class DavRequest {
    private final HttpServerRequest http;
    private final Account account;
    private final Volume volume;
    private final Actor actor;
    private final WebDavSettings settings;
    private final DavXml xml;
    private final HistoryPaths history;
    private final Place place;
    private final VfsPath path;
    private IfHeader ifHeader;
    private boolean ifParsed;

    DavRequest(HttpServerRequest http, Account account, Volume volume, Actor actor, WebDavSettings settings,
               DavXml xml, HistoryPaths history, Place place) {
        this.http = http;
        this.account = account;
        this.volume = volume;
        this.actor = actor;
        this.settings = settings;
        this.xml = xml;
        this.history = history;
        this.place = place;
        this.path = place.path();
    }

    HttpServerRequest http() {
        return http;
    }

    HttpServerResponse response() {
        return http.response();
    }

    Volume volume() {
        return volume;
    }

    Actor actor() {
        return actor;
    }

    String user() {
        return account.name();
    }

    VfsPath home() {
        return account.home();
    }

    WebDavSettings settings() {
        return settings;
    }

    /** The volume path the request URI names: in the live tree, or in the past one {@link #place} reads. */
    VfsPath path() {
        return path;
    }

    /** Where the request URI leads: the live home, the history folder, or a past home. */
    Place place() {
        return place;
    }

    /** Where another path the client names (a Destination) leads. */
    Future<Place> locate(List<String> names) {
        return history.locate(volume, account.home(), names);
    }

    boolean uriEndsWithSlash() {
        return http.path().endsWith("/");
    }

    VfsPath volumePath(List<String> names) {
        VfsPath resolved = account.home();
        for (String name : names) {
            resolved = resolved.resolve(name);
        }
        return resolved;
    }

    /** The href of a path of the tree the request reads (under {@code /.history/<entry>} for a past one). */
    String href(VfsPath volumePath, boolean collection) {
        return place.hrefPrefix() + Hrefs.href(account.home(), volumePath, collection);
    }

    /** The href of the collection above the request's; null at the root of the live home. */
    String parentHref() {
        if (path.equals(account.home())) {
            return place.inHistory() ? "/" + Hrefs.encode(place.folder()) + "/" : null;
        }
        return href(path.parent(), true);
    }

    void requireWritable() {
        if (account.readOnly()) {
            throw new DavException(403, "user " + account.name() + " may only read");
        }
    }

    /** The Depth header: 0, 1 or -1 for infinity; {@code fallback} when absent. */
    int depth(int fallback) {
        String depth = http.getHeader("Depth");
        if (depth == null) {
            return fallback;
        }
        return switch (depth.trim().toLowerCase()) {
            case "0" -> 0;
            case "1" -> 1;
            case "infinity" -> -1;
            default -> throw new DavException(400, "Depth must be 0, 1 or infinity, not '" + depth + "'");
        };
    }

    IfHeader ifHeader() {
        if (!ifParsed) {
            ifHeader = IfHeader.parse(http.getHeader("If"));
            ifParsed = true;
        }
        return ifHeader;
    }

    Set<String> submittedTokens() {
        IfHeader header = ifHeader();
        return header == null ? Set.of() : header.submittedTokens();
    }

    /**
     * The node at {@code volumePath} in the tree the request reads. A past home is shown as its
     * history entry, a collection even where the home did not exist yet.
     */
    Future<Node> stat(VfsPath volumePath) {
        if (place.entry() != null && volumePath.equals(account.home())) {
            return Future.succeededFuture(HistoryPaths.entryNode(place.entry()));
        }
        return volume.stat(volumePath, place.asOf());
    }

    /** The children of a directory of the tree the request reads; none in a home that did not exist yet. */
    Future<List<Node>> list(VfsPath directory) {
        Future<List<Node>> children = volume.list(directory, place.asOf());
        if (place.entry() == null || !directory.equals(account.home())) {
            return children;
        }
        return children.recover(failure -> failure instanceof VfsException.NotFound
                || failure instanceof VfsException.NotADirectory ? Future.succeededFuture(List.of())
                : Future.failedFuture(failure));
    }

    /** The path {@code volumePath} names once links are followed in the tree the request reads, inside the home. */
    Future<VfsPath> real(VfsPath volumePath) {
        return volume.resolve(account.home(), volumePath.relativize(account.home()).names(), true, place.asOf());
    }

    /** The node at {@code volumePath} with symbolic links followed inside the home; NotFound if none. */
    Future<Node> statFollowing(VfsPath volumePath) {
        return real(volumePath).compose(this::stat);
    }

    /** The locks on {@code volumePath}: none in the past, which cannot be locked. */
    List<Lock> locksCovering(VfsPath volumePath) {
        return place.inHistory() ? List.of() : volume.locks().covering(volumePath);
    }

    /**
     * What a listed node shows: itself, or for a symbolic link the node it leads to inside the
     * home, or null for a link that leads nowhere.
     */
    Future<Node> follow(VfsPath volumePath, Node node) {
        if (!node.isSymlink()) {
            return Future.succeededFuture(node);
        }
        return real(volumePath).compose(this::find)
                .map(target -> target == null || target.isSymlink() ? null : target.withPlace(node.parentId(),
                        node.name()))
                .recover(loop -> loop instanceof VfsException.Conflict ? Future.succeededFuture()
                        : Future.failedFuture(loop));
    }

    /** The node at {@code volumePath}, or null when there is none. */
    Future<Node> find(VfsPath volumePath) {
        return stat(volumePath).recover(failure -> failure instanceof VfsException.NotFound
                ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    Future<Committed> execute(VolumeCommand command) {
        return volume.execute(Ids.newId(), command, actor, submittedTokens());
    }

    /** The request body as XML, or null when there is none; bounded by the settings. */
    Future<Element> xmlBody() {
        return body(settings.maxXmlBytes()).map(body -> body.length() == 0 ? null : xml.parse(body));
    }

    /** The whole body, refused with 413 beyond {@code limit} bytes. */
    Future<Buffer> body(int limit) {
        String length = http.getHeader("Content-Length");
        if (length != null && parseLength(length) > limit) {
            return Future.failedFuture(new DavException(413, "the body is larger than " + limit + " bytes"));
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        http.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                promise.tryFail(new DavException(413, "the body is larger than " + limit + " bytes"));
                return;
            }
            body.appendBuffer(chunk);
        });
        http.exceptionHandler(promise::tryFail);
        http.endHandler(v -> promise.tryComplete(body));
        http.resume();
        return promise.future();
    }

    static long parseLength(String header) {
        try {
            long length = Long.parseLong(header.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new DavException(400, "Content-Length must be a number of bytes, not '" + header + "'");
    }
}
