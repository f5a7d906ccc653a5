package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eventvfs.Volume;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A tree as a sorted map from relative path to what a client sees of each resource, read either
 * over WebDAV (a PROPFIND walk and a GET of every file) or straight from the projection, so the
 * two compare with one equals.
 */
final class DavTree {
    private static final String DAV = "DAV:";

    /**
     * One resource: a collection or a file, its time (to the second) and dead properties (by Clark
     * name, as text), and for a file its length and its bytes' SHA-256.
     */
    record Item(boolean collection, long length, long modifiedSecond, Map<String, String> properties,
                String sha256) {
    }

    /** A resource of a multistatus: its href, and the properties it had with status 200. */
    record Response(String href, boolean collection, long length, long modifiedSecond,
                    Map<String, String> properties) {
    }

    private DavTree() {
    }

    /** The tree below {@code rootHref} (a collection, ending with /) as PROPFIND and GET show it. */
    static SortedMap<String, Item> overWebDav(DavClient client, String rootHref) {
        SortedMap<String, Item> tree = new TreeMap<>();
        List<String> pending = new ArrayList<>(List.of(rootHref));
        while (!pending.isEmpty()) {
            String directory = pending.removeFirst();
            DavClient.Response listing = client.propfind(directory, "1", null);
            assertThat(listing.status()).as(directory).isEqualTo(207);
            for (Response r : responses(listing.body())) {
                if (r.href().equals(directory)) {
                    continue;
                }
                String relative = r.href().substring(rootHref.length());
                if (r.collection()) {
                    tree.put(relative, new Item(true, 0, r.modifiedSecond(), r.properties(), null));
                    pending.add(r.href());
                } else {
                    DavClient.Response get = client.get(r.href());
                    assertThat(get.status()).as(r.href()).isEqualTo(200);
                    tree.put(relative, new Item(false, r.length(), r.modifiedSecond(), r.properties(),
                            sha256(get.bytes())));
                }
            }
        }
        return tree;
    }

    /** The tree below {@code home} as of {@code position}, from the projection; empty if it did not exist. */
    static SortedMap<String, Item> projected(Volume volume, VfsPath home, long position) {
        SortedMap<String, Item> tree = new TreeMap<>();
        List<VfsPath> pending = new ArrayList<>(List.of(home));
        while (!pending.isEmpty()) {
            VfsPath directory = pending.removeFirst();
            List<Node> children;
            try {
                children = volume.list(directory, position).await();
            } catch (VfsException.NotFound e) {
                continue;
            }
            for (Node child : children) {
                VfsPath path = directory.resolve(child.name());
                String relative = String.join("/", path.relativize(home).names());
                if (child.isDirectory()) {
                    tree.put(relative + "/", new Item(true, 0, child.modified() / 1000, child.properties(), null));
                    pending.add(path);
                } else {
                    byte[] bytes = child.size() == 0 ? new byte[0]
                            : volume.read(child.content(), 0, (int) child.size()).await().getBytes();
                    tree.put(relative, new Item(false, child.size(), child.modified() / 1000, child.properties(),
                            sha256(bytes)));
                }
            }
        }
        return tree;
    }

    /** The responses of a 207 body, hrefs percent-decoded. */
    static List<Response> responses(String multistatus) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(multistatus.getBytes("UTF-8")));
            NodeList nodes = document.getElementsByTagNameNS(DAV, "response");
            List<Response> responses = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element response = (Element) nodes.item(i);
                String href = URI.create(text(response, "href")).getPath();
                boolean collection = response.getElementsByTagNameNS(DAV, "collection").getLength() > 0;
                String length = text(response, "getcontentlength");
                String modified = text(response, "getlastmodified");
                responses.add(new Response(href, collection, length == null ? -1 : Long.parseLong(length),
                        modified == null ? -1 : ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toEpochSecond(), deadProperties(response)));
            }
            return responses;
        } catch (Exception e) {
            throw new AssertionError("not a multistatus: " + multistatus, e);
        }
    }

    /** The properties outside the DAV: namespace, by Clark name, as text. */
    private static Map<String, String> deadProperties(Element response) {
        Map<String, String> properties = new TreeMap<>();
        NodeList props = response.getElementsByTagNameNS(DAV, "prop");
        for (int i = 0; i < props.getLength(); i++) {
            for (org.w3c.dom.Node p = props.item(i).getFirstChild(); p != null; p = p.getNextSibling()) {
                if (p instanceof Element e && !DAV.equals(e.getNamespaceURI())) {
                    properties.put("{" + e.getNamespaceURI() + "}" + e.getLocalName(), e.getTextContent());
                }
            }
        }
        return properties;
    }

    private static String text(Element parent, String local) {
        NodeList found = parent.getElementsByTagNameNS(DAV, local);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
