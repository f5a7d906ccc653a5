package org.eventvfs.webdav;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Escaping, and the inner XML of an element written back so it means the same wherever it is pasted. */
final class XmlText {
    private XmlText() {
    }

    static String text(String s) {
        if (!needsEscape(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static String attribute(String s) {
        return text(s).replace("\"", "&quot;").replace("\t", "&#9;").replace("\n", "&#10;");
    }

    /**
     * The children of {@code element} as XML text in which every element declares its own namespace
     * as the default one and namespaced attributes get a declared prefix: no prefix of the original
     * document is needed to read it, so the value can be kept as a string and sent back anywhere.
     */
    static String innerXml(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, out);
        }
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(text(node.getNodeValue()));
            case Node.ELEMENT_NODE -> writeElement((Element) node, out);
            default -> {
                // Comments and processing instructions carry no value.
            }
        }
    }

    private static void writeElement(Element element, StringBuilder out) {
        String name = element.getLocalName();
        out.append('<').append(name).append(" xmlns=\"").append(attribute(DavXml.namespaceOf(element))).append('"');
        NamedNodeMap attributes = element.getAttributes();
        int prefixes = 0;
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            String uri = attr.getNamespaceURI();
            if ("http://www.w3.org/2000/xmlns/".equals(uri)) {
                continue;
            }
            if (uri == null || uri.isEmpty()) {
                out.append(' ').append(attr.getLocalName());
            } else {
                String prefix = "a" + prefixes++;
                out.append(" xmlns:").append(prefix).append("=\"").append(attribute(uri)).append('"');
                out.append(' ').append(prefix).append(':').append(attr.getLocalName());
            }
            out.append("=\"").append(attribute(attr.getValue())).append('"');
        }
        if (element.getFirstChild() == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, out);
        }
        out.append("</").append(name).append('>');
    }
}
