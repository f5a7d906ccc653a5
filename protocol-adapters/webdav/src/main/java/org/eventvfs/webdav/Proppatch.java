package org.eventvfs.webdav;

import io.vertx.core.Future;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventvfs.domain.VolumeCommand;
import org.w3c.dom.Element;

/**
 * PROPPATCH (RFC 4918 §9.2): sets and removes dead properties, in document order, as one
 * {@code SetProperties} command, so either all of them change or none does.
 */
final class Proppatch {
    private Proppatch() {
    }

    static Future<Void> handle(DavRequest request) {
        request.requireWritable();
        return request.xmlBody().compose(body -> {
            Map<PropertyName, String> changes = changes(body);
            return request.stat(request.path())
                    .compose(node -> Preconditions.check(request, node))
                    .compose(ok -> apply(request, changes));
        });
    }

    /** Each property's last instruction wins: its value to set, or null to remove it. */
    private static Map<PropertyName, String> changes(Element body) {
        if (body == null || !DavXml.isDav(body, "propertyupdate")) {
            throw new DavException(400, "a PROPPATCH body must be a DAV:propertyupdate element");
        }
        Map<PropertyName, String> changes = new LinkedHashMap<>();
        for (Element instruction : DavXml.children(body)) {
            boolean set = DavXml.isDav(instruction, "set");
            if (!set && !DavXml.isDav(instruction, "remove")) {
                continue;
            }
            Element prop = DavXml.child(instruction, "prop");
            if (prop == null) {
                throw new DavException(400, "a set or remove without a DAV:prop");
            }
            for (Element property : DavXml.children(prop)) {
                PropertyName name = PropertyName.of(property);
                changes.remove(name);
                changes.put(name, set ? XmlText.innerXml(property) : null);
            }
        }
        if (changes.isEmpty()) {
            throw new DavException(400, "a PROPPATCH that changes nothing");
        }
        return changes;
    }

    private static Future<Void> apply(DavRequest request, Map<PropertyName, String> changes) {
        Set<PropertyName> refused = new HashSet<>();
        for (PropertyName name : changes.keySet()) {
            if (name.isDav() && LiveProperties.PROTECTED.contains(name.local())) {
                refused.add(name);
            }
        }
        if (!refused.isEmpty()) {
            respond(request, changes, refused);
            return Future.succeededFuture();
        }
        Map<String, String> set = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        changes.forEach((name, value) -> {
            if (value == null) {
                removed.add(name.clark());
            } else {
                set.put(name.clark(), value);
            }
        });
        return request.execute(new VolumeCommand.SetProperties(request.path(), set, removed))
                .map(done -> {
                    respond(request, changes, Set.of());
                    return null;
                });
    }

    /** 200 for every property, or 403 for the protected ones and 424 for the rest, which were not applied. */
    private static void respond(DavRequest request, Map<PropertyName, String> changes, Set<PropertyName> refused) {
        StringBuilder ok = new StringBuilder();
        StringBuilder forbidden = new StringBuilder();
        StringBuilder dependent = new StringBuilder();
        for (PropertyName name : changes.keySet()) {
            String element = name.isDav() ? "<D:" + name.local() + "/>" : name.emptyElement();
            (refused.isEmpty() ? ok : refused.contains(name) ? forbidden : dependent).append(element);
        }
        Multistatus body = new Multistatus().propstats(request.href(request.path(), request.uriEndsWithSlash()),
                List.of(new Multistatus.Propstat(200, ok), new Multistatus.Propstat(403, forbidden),
                        new Multistatus.Propstat(424, dependent)));
        request.response().setStatusCode(207).putHeader("Content-Type", Multistatus.CONTENT_TYPE)
                .end(body.toBuffer());
    }
}
