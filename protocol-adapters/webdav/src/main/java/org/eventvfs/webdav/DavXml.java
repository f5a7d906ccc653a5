package org.eventvfs.webdav;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Request bodies as namespace-aware DOM, parsed with everything that lets XML reach outside the
 * document turned off: no DTD at all (so no entities, internal or external, and no billion laughs),
 * no XInclude, no external schemas. Size is bounded before parsing, depth after.
 */
final class DavXml {
    static final String DAV = "DAV:";

    private final int maxDepth;

    DavXml(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** The document's root element; throws a 400 DavException for anything malformed. */
    Element parse(Buffer body) {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            document = builder.parse(new ByteArrayInputStream(body.getBytes()));
        } catch (SAXException | IOException e) {
            throw new DavException(400, "malformed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
        }
        Element root = document.getDocumentElement();
        requireDepthAtMost(root, maxDepth);
        return root;
    }

    static boolean is(Node node, String namespace, String local) {
        return node instanceof Element e && local.equals(e.getLocalName()) && namespace.equals(namespaceOf(e));
    }

    static boolean isDav(Node node, String local) {
        return is(node, DAV, local);
    }

    /** An element's namespace URI, "" for none. */
    static String namespaceOf(Element element) {
        String uri = element.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    static Element child(Element parent, String davLocalName) {
        for (Element e : children(parent)) {
            if (isDav(e, davLocalName)) {
                return e;
            }
        }
        return null;
    }

    private static void requireDepthAtMost(Element element, int depth) {
        if (depth <= 0) {
            throw new DavException(400, "the XML body is nested too deeply");
        }
        for (Element child : children(element)) {
            requireDepthAtMost(child, depth - 1);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
