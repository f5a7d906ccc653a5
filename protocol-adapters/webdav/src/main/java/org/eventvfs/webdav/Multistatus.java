package org.eventvfs.webdav;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** A 207 Multi-Status body (RFC 4918 §13), built as text: one pass, no DOM for large listings. */
final class Multistatus {
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    private final StringBuilder xml = new StringBuilder(4096)
            .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\">");

    /** A response with one propstat per status; {@code propsByStatus} pairs a status code with its props' XML. */
    Multistatus propstats(String href, List<Propstat> propstats) {
        xml.append("<D:response><D:href>").append(XmlText.text(href)).append("</D:href>");
        for (Propstat propstat : propstats) {
            if (propstat.props().isEmpty()) {
                continue;
            }
            xml.append("<D:propstat><D:prop>").append(propstat.props()).append("</D:prop><D:status>HTTP/1.1 ")
                    .append(propstat.status()).append(' ').append(reason(propstat.status()))
                    .append("</D:status></D:propstat>");
        }
        xml.append("</D:response>");
        return this;
    }

    /** A response carrying only a status, as for a member a DELETE or COPY could not handle. */
    Multistatus status(String href, int status) {
        xml.append("<D:response><D:href>").append(XmlText.text(href)).append("</D:href><D:status>HTTP/1.1 ")
                .append(status).append(' ').append(reason(status)).append("</D:status></D:response>");
        return this;
    }

    Buffer toBuffer() {
        return Buffer.buffer(xml.append("</D:multistatus>\n").toString());
    }

    /** The properties of one status within a response. */
    record Propstat(int status, CharSequence props) {
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 207 -> "Multi-Status";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 423 -> "Locked";
            case 424 -> "Failed Dependency";
            case 507 -> "Insufficient Storage";
            default -> "Status " + status;
        };
    }
}
