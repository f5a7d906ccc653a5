package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eventvfs.domain.Node;

/** GET and HEAD: a file's content, or for a collection a plain HTML page of links a browser can follow. */
final class Browsing {
    private Browsing() {
    }

    static Future<Void> get(DavRequest request, boolean head) {
        if (request.place().isHistoryFolder()) {
            return listing(request, Future.succeededFuture(HistoryPaths.entryNodes(request.volume())), head);
        }
        return request.real(request.path()).compose(real -> request.stat(real)
                .compose(node -> node.isFile() ? ContentGet.send(request, node, head)
                        : listing(request, request.list(real), head)));
    }

    private static Future<Void> listing(DavRequest request, Future<List<Node>> listed, boolean head) {
        return listed.map(children -> {
            String page = page(request, children);
            request.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache");
            if (head) {
                request.response().putHeader("Content-Length",
                        Integer.toString(page.getBytes(StandardCharsets.UTF_8).length)).end();
            } else {
                request.response().end(page);
            }
            return null;
        });
    }

    /** Links are absolute paths, so they work whether or not the page's URL ends with a slash. */
    private static String page(DavRequest request, List<Node> children) {
        String title = XmlText.text(request.href(request.path(), true));
        StringBuilder html = new StringBuilder(256 + 160 * children.size())
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1>\n<table>\n");
        String parent = request.parentHref();
        if (parent != null) {
            html.append("<tr><td><a href=\"").append(XmlText.attribute(parent))
                    .append("\">../</a></td><td></td><td></td></tr>\n");
        }
        for (Node child : children) {
            String name = child.name() + (child.isDirectory() ? "/" : "");
            String href = request.href(request.path().resolve(child.name()), child.isDirectory());
            html.append("<tr><td><a href=\"").append(XmlText.attribute(href)).append("\">").append(XmlText.text(name))
                    .append("</a></td><td>").append(child.isDirectory() ? "" : Long.toString(child.size()))
                    .append("</td><td>").append(LiveProperties.httpDate(child.modified())).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }
}
