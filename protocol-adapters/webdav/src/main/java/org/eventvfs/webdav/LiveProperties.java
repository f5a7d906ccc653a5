package org.eventvfs.webdav;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Node;

/** The DAV: properties the server computes (RFC 4918 §15, RFC 4331), rendered for one node. */
final class LiveProperties {
    /** What allprop returns; the quota properties are left out of it, as RFC 4331 §3 asks. */
    static final List<String> ALLPROP = List.of("resourcetype", "getcontentlength", "getlastmodified", "getetag",
            "creationdate", "displayname", "getcontenttype", "supportedlock", "lockdiscovery");
    static final Set<String> ALL = Set.of("resourcetype", "getcontentlength", "getlastmodified", "getetag",
            "creationdate", "displayname", "getcontenttype", "supportedlock", "lockdiscovery",
            "quota-available-bytes", "quota-used-bytes");
    /** Live properties a client may not set; displayname and getcontenttype may be set and are then stored. */
    static final Set<String> PROTECTED = Set.of("resourcetype", "getcontentlength", "getlastmodified", "getetag",
            "creationdate", "supportedlock", "lockdiscovery", "quota-available-bytes", "quota-used-bytes");

    private static final DateTimeFormatter CREATION = DateTimeFormatter.ISO_INSTANT;

    private LiveProperties() {
    }

    /**
     * The property's value XML, or null if the node has no such property (a collection's length).
     * Quotas are passed in: they cost a walk and a statvfs, done only when asked for.
     */
    static String render(String name, Node node, List<Lock> locks, Quota quota, DavRequest request) {
        return switch (name) {
            case "resourcetype" -> node.isDirectory() ? "<D:resourcetype><D:collection/></D:resourcetype>"
                    : "<D:resourcetype/>";
            case "getcontentlength" -> node.isDirectory() ? null
                    : "<D:getcontentlength>" + node.size() + "</D:getcontentlength>";
            case "getlastmodified" -> "<D:getlastmodified>" + httpDate(node.modified()) + "</D:getlastmodified>";
            case "getetag" -> "<D:getetag>" + XmlText.text(Etags.of(node)) + "</D:getetag>";
            case "creationdate" -> "<D:creationdate>" + CREATION.format(Instant.ofEpochMilli(node.created()))
                    + "</D:creationdate>";
            case "displayname" -> "<D:displayname>" + displayNameXml(node) + "</D:displayname>";
            case "getcontenttype" -> node.isDirectory() ? null
                    : "<D:getcontenttype>" + XmlText.text(ContentTypes.of(node)) + "</D:getcontenttype>";
            case "supportedlock" -> request.place().inHistory() ? "<D:supportedlock/>" : SUPPORTED_LOCK;
            case "lockdiscovery" -> lockDiscovery(locks, request);
            case "quota-available-bytes" -> quota == null ? null
                    : "<D:quota-available-bytes>" + quota.available() + "</D:quota-available-bytes>";
            case "quota-used-bytes" -> quota == null ? null
                    : "<D:quota-used-bytes>" + quota.used() + "</D:quota-used-bytes>";
            default -> null;
        };
    }

    /** Free and used bytes for the quota properties. */
    record Quota(long available, long used) {
    }

    static String lockDiscovery(List<Lock> locks, DavRequest request) {
        if (locks.isEmpty()) {
            return "<D:lockdiscovery/>";
        }
        StringBuilder xml = new StringBuilder("<D:lockdiscovery>");
        for (Lock lock : locks) {
            activeLock(lock, request, xml);
        }
        return xml.append("</D:lockdiscovery>").toString();
    }

    static void activeLock(Lock lock, DavRequest request, StringBuilder xml) {
        long seconds = Math.max(0, lock.expires().getEpochSecond() - Instant.now().getEpochSecond());
        xml.append("<D:activelock><D:locktype><D:write/></D:locktype><D:lockscope>")
                .append(lock.shared() ? "<D:shared/>" : "<D:exclusive/>")
                .append("</D:lockscope><D:depth>").append(lock.deep() ? "infinity" : "0").append("</D:depth>");
        if (lock.owner() != null) {
            xml.append("<D:owner>").append(lock.owner()).append("</D:owner>");
        }
        xml.append("<D:timeout>Second-").append(seconds).append("</D:timeout>")
                .append("<D:locktoken><D:href>").append(XmlText.text(lock.token())).append("</D:href></D:locktoken>")
                .append("<D:lockroot><D:href>").append(XmlText.text(request.href(lock.root(), false)))
                .append("</D:href></D:lockroot></D:activelock>");
    }

    static String httpDate(long epochMillis) {
        return HttpDates.format(epochMillis);
    }

    /** A stored displayname is kept as XML, like every dead property; the default is the name. */
    private static String displayNameXml(Node node) {
        String stored = node.properties().get(PropertyName.dav("displayname").clark());
        return stored != null ? stored : XmlText.text(node.name());
    }

    private static final String SUPPORTED_LOCK = "<D:supportedlock>"
            + "<D:lockentry><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>"
            + "<D:lockentry><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>"
            + "</D:supportedlock>";
}
