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
    private final VfsPath path;
    private IfHeader ifHeader;
    private boolean ifParsed;

    DavRequest(HttpServerRequest http, Account account, Volume volume, Actor actor, WebDavSettings settings,
               DavXml xml) {
        this.http = http;
        this.account = account;
        this.volume = volume;
        this.actor = actor;
        this.settings = settings;
        this.xml = xml;
        this.path = volumePath(Hrefs.names(http.path()));
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

    /** The volume path the request URI names. */
    VfsPath path() {
        return path;
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

    String href(VfsPath volumePath, boolean collection) {
        return Hrefs.href(account.home(), volumePath, collection);
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

    Future<Node> stat(VfsPath volumePath) {
        return volume.stat(volumePath);
    }

    /** The node at {@code volumePath} with symbolic links followed inside the home; NotFound if none. */
    Future<Node> statFollowing(VfsPath volumePath) {
        return volume.resolve(account.home(), volumePath, true).compose(volume::stat);
    }

    /**
     * What a listed node shows: itself, or for a symbolic link the node it leads to inside the
     * home, or null for a link that leads nowhere.
     */
    Future<Node> follow(VfsPath volumePath, Node node) {
        if (!node.isSymlink()) {
            return Future.succeededFuture(node);
        }
        return volume.resolve(account.home(), volumePath, true).compose(this::find)
                .map(target -> target == null || target.isSymlink() ? null : target.withPlace(node.parentId(),
                        node.name()))
                .recover(loop -> loop instanceof VfsException.Conflict ? Future.succeededFuture()
                        : Future.failedFuture(loop));
    }

    /** The node at {@code volumePath}, or null when there is none. */
    Future<Node> find(VfsPath volumePath) {
        return volume.stat(volumePath).recover(failure -> failure instanceof VfsException.NotFound
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
