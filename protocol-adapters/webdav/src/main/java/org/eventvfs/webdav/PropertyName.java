package org.eventvfs.webdav;

import org.w3c.dom.Element;

/** A property's qualified name; stored in a node's properties in Clark notation, {@code {ns}local}. */
record PropertyName(String namespace, String local) {
    static PropertyName dav(String local) {
        return new PropertyName(DavXml.DAV, local);
    }

    static PropertyName of(Element element) {
        return new PropertyName(DavXml.namespaceOf(element), element.getLocalName());
    }

    /** Parses a stored key; null if it is not in Clark notation (a property some other way set). */
    static PropertyName parseClark(String key) {
        int close = key.indexOf('}');
        if (!key.startsWith("{") || close < 0 || close == key.length() - 1) {
            return null;
        }
        return new PropertyName(key.substring(1, close), key.substring(close + 1));
    }

    String clark() {
        return "{" + namespace + "}" + local;
    }

    boolean isDav() {
        return DavXml.DAV.equals(namespace);
    }

    /** An empty element of this name, declaring its namespace as the default one. */
    String emptyElement() {
        return "<" + local + " xmlns=\"" + XmlText.attribute(namespace) + "\"/>";
    }

    /** This property with {@code innerXml} as its value. */
    String element(String innerXml) {
        if (innerXml.isEmpty()) {
            return emptyElement();
        }
        return "<" + local + " xmlns=\"" + XmlText.attribute(namespace) + "\">" + innerXml + "</" + local + ">";
    }
}
