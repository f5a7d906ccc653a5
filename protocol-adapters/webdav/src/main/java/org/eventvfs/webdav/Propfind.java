package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.w3c.dom.Element;

/** PROPFIND (RFC 4918 §9.1): allprop, propname or named properties, at Depth 0, 1 or (bounded) infinity. */
final class Propfind {
    private final Supplier<Future<Long>> freeSpace;

    /** @param freeSpace the bytes still free where content is stored, for quota-available-bytes */
    Propfind(Supplier<Future<Long>> freeSpace) {
        this.freeSpace = freeSpace;
    }

    /** A resource to describe: the path its href names, where it really is, and its node. */
    private record Found(VfsPath path, VfsPath real, Node node, boolean followed) {
    }

    /** What the body asks for: named properties, all of them (plus includes), or only their names. */
    private record Query(boolean names, boolean all, List<PropertyName> props) {
        boolean wantsQuota() {
            return props.stream().anyMatch(p -> p.isDav() && p.local().startsWith("quota-"));
        }
    }

    Future<Void> handle(DavRequest request) {
        int depth = request.depth(-1);
        return request.xmlBody().map(Propfind::query).compose(query -> targets(request, depth)
                .compose(found -> quota(request, query).map(quota -> render(request, query, found, quota))))
                .map(body -> {
                    request.response().setStatusCode(207).putHeader("Content-Type", Multistatus.CONTENT_TYPE)
                            .end(body.toBuffer());
                    return null;
                });
    }

    private static Future<List<Found>> targets(DavRequest request, int depth) {
        if (request.place().isHistoryFolder()) {
            return Future.succeededFuture(historyFolder(request, depth));
        }
        return request.real(request.path())
                .compose(real -> request.stat(real).map(node -> new Found(request.path(), real, node, false)))
                .compose(target -> found(request, target, depth));
    }

    /** The history folder and, at Depth 1, its entries; never deeper, which would be every past tree at once. */
    private static List<Found> historyFolder(DavRequest request, int depth) {
        if (depth < 0) {
            throw new DavException(403, "propfind-finite-depth", request.http().path()
                    + " holds every past tree: ask with Depth 0 or 1");
        }
        VfsPath folder = request.path();
        List<Found> found = new ArrayList<>();
        found.add(new Found(folder, folder, HistoryPaths.folderNode(request.volume(), request.place().folder()),
                false));
        if (depth == 1) {
            for (Node entry : HistoryPaths.entryNodes(request.volume())) {
                found.add(new Found(folder.resolve(entry.name()), folder.resolve(entry.name()), entry, true));
            }
        }
        return found;
    }

    private static Query query(Element body) {
        if (body == null) {
            return new Query(false, true, List.of());
        }
        if (!DavXml.isDav(body, "propfind")) {
            throw new DavException(400, "a PROPFIND body must be a DAV:propfind element");
        }
        for (Element child : DavXml.children(body)) {
            if (DavXml.isDav(child, "propname")) {
                return new Query(true, false, List.of());
            }
            if (DavXml.isDav(child, "allprop")) {
                Element include = DavXml.child(body, "include");
                return new Query(false, true, include == null ? List.of() : names(include));
            }
            if (DavXml.isDav(child, "prop")) {
                return new Query(false, false, names(child));
            }
        }
        throw new DavException(400, "a PROPFIND body needs prop, allprop or propname");
    }

    private static List<PropertyName> names(Element parent) {
        List<PropertyName> names = new ArrayList<>();
        for (Element e : DavXml.children(parent)) {
            names.add(PropertyName.of(e));
        }
        return names;
    }

    private static Future<List<Found>> found(DavRequest request, Found target, int depth) {
        List<Found> found = new ArrayList<>();
        found.add(target);
        if (depth == 0 || !target.node.isDirectory()) {
            return Future.succeededFuture(found);
        }
        Deque<Found> directories = new ArrayDeque<>();
        directories.add(target);
        int limit = depth == 1 ? Integer.MAX_VALUE : request.settings().depthInfinityLimit();
        return walkNext(request, directories, found, depth == 1 ? 1 : Integer.MAX_VALUE, limit);
    }

    /**
     * Lists the next directory, breadth first, {@code levels} deep; refused once more than
     * {@code limit} resources are found. A symbolic link is shown as what it leads to, but never
     * walked into, so a link to an ancestor cannot make the walk endless.
     */
    private static Future<List<Found>> walkNext(DavRequest request, Deque<Found> directories, List<Found> found,
                                                int levels, int limit) {
        Found directory = directories.poll();
        if (directory == null) {
            return Future.succeededFuture(found);
        }
        return request.list(directory.real).compose(children -> shown(request, directory, children))
                .compose(shown -> {
                    for (Found f : shown) {
                        found.add(f);
                        if (f.node.isDirectory() && !f.followed && depth(f, found) < levels) {
                            directories.add(f);
                        }
                    }
                    if (found.size() > limit) {
                        return Future.failedFuture(new DavException(403, "propfind-finite-depth",
                                "more than " + limit + " resources below " + request.http().path()
                                        + ": ask with Depth 0 or 1"));
                    }
                    return walkNext(request, directories, found, levels, limit);
                });
    }

    /** The children as shown: links replaced by what they lead to, links leading nowhere left out. */
    private static Future<List<Found>> shown(DavRequest request, Found directory, List<Node> children) {
        List<Found> shown = new ArrayList<>(children.size());
        List<Future<Found>> links = new ArrayList<>();
        for (Node child : children) {
            VfsPath path = directory.path.resolve(child.name());
            VfsPath real = directory.real.resolve(child.name());
            if (child.isSymlink()) {
                links.add(request.follow(real, child).map(node -> node == null ? null : new Found(path, real, node, true)));
            } else {
                shown.add(new Found(path, real, child, false));
            }
        }
        if (links.isEmpty()) {
            return Future.succeededFuture(shown);
        }
        return Future.all(links).map(all -> {
            for (Future<Found> link : links) {
                if (link.result() != null) {
                    shown.add(link.result());
                }
            }
            return shown;
        });
    }

    /** How far below the first found resource (the request's) {@code f} is. */
    private static int depth(Found f, List<Found> found) {
        return f.path.depth() - found.getFirst().path.depth();
    }

    private Future<LiveProperties.Quota> quota(DavRequest request, Query query) {
        if (!query.wantsQuota()) {
            return Future.succeededFuture();
        }
        return freeSpace.get().compose(free -> usedBytes(request)
                .map(used -> new LiveProperties.Quota(free, used)));
    }

    /** The bytes of every file in the user's home: what a quota would count. */
    private static Future<Long> usedBytes(DavRequest request) {
        return request.stat(request.home()).compose(home -> {
            List<Found> all = new ArrayList<>();
            Deque<Found> directories = new ArrayDeque<>();
            Found root = new Found(request.home(), request.home(), home, false);
            all.add(root);
            directories.add(root);
            return walkNext(request, directories, all, Integer.MAX_VALUE, Integer.MAX_VALUE);
        }).map(all -> all.stream().filter(f -> f.node.isFile()).mapToLong(f -> f.node.size()).sum());
    }

    private static Multistatus render(DavRequest request, Query query, List<Found> found, LiveProperties.Quota quota) {
        Multistatus body = new Multistatus();
        for (Found f : found) {
            String href = request.href(f.path, f.node.isDirectory());
            List<Lock> locks = request.locksCovering(f.real);
            if (query.names) {
                body.propstats(href, List.of(new Multistatus.Propstat(200, propertyNames(f.node))));
                continue;
            }
            StringBuilder ok = new StringBuilder();
            StringBuilder missing = new StringBuilder();
            if (query.all) {
                for (String live : LiveProperties.ALLPROP) {
                    append(ok, LiveProperties.render(live, f.node, locks, quota, request));
                }
                deadProperties(f.node, ok);
            }
            for (PropertyName name : query.props) {
                if (query.all && (name.isDav() && LiveProperties.ALLPROP.contains(name.local())
                        || f.node.properties().containsKey(name.clark()))) {
                    continue;
                }
                String value = value(request, f.node, name, locks, quota);
                if (value == null) {
                    missing.append(name.isDav() ? "<D:" + name.local() + "/>" : name.emptyElement());
                } else {
                    ok.append(value);
                }
            }
            body.propstats(href, List.of(new Multistatus.Propstat(200, ok), new Multistatus.Propstat(404, missing)));
        }
        return body;
    }

    private static String value(DavRequest request, Node node, PropertyName name, List<Lock> locks,
                                LiveProperties.Quota quota) {
        String dead = node.properties().get(name.clark());
        if (name.isDav() && LiveProperties.ALL.contains(name.local())) {
            return LiveProperties.render(name.local(), node, locks, quota, request);
        }
        return dead == null ? null : name.element(dead);
    }

    private static void deadProperties(Node node, StringBuilder ok) {
        for (Map.Entry<String, String> property : node.properties().entrySet()) {
            PropertyName name = PropertyName.parseClark(property.getKey());
            if (name != null && !(name.isDav() && LiveProperties.ALL.contains(name.local()))) {
                ok.append(name.element(property.getValue()));
            }
        }
    }

    private static String propertyNames(Node node) {
        Set<String> names = new LinkedHashSet<>();
        for (String live : LiveProperties.ALLPROP) {
            if (!(node.isDirectory() && (live.equals("getcontentlength") || live.equals("getcontenttype")))) {
                names.add("<D:" + live + "/>");
            }
        }
        for (String key : node.properties().keySet()) {
            PropertyName name = PropertyName.parseClark(key);
            if (name != null && !(name.isDav() && LiveProperties.ALL.contains(name.local()))) {
                names.add(name.emptyElement());
            }
        }
        return String.join("", names);
    }

    private static void append(StringBuilder xml, String value) {
        if (value != null) {
            xml.append(value);
        }
    }
}
