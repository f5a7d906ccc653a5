package org.eventvfs.webdav;

import java.util.Locale;
import java.util.Map;
import org.eventvfs.domain.Node;

/**
 * A file's media type from a stored {@code getcontenttype} property or else its name's extension:
 * never from its bytes, so a PROPFIND of a large folder opens no content.
 */
final class ContentTypes {
    static final String STORED = PropertyName.dav("getcontenttype").clark();
    private static final String DEFAULT = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"), Map.entry("java", "text/x-java"),
            Map.entry("yaml", "application/yaml"), Map.entry("yml", "application/yaml"),
            Map.entry("sh", "application/x-sh"));

    private ContentTypes() {
    }

    static String of(Node node) {
        String stored = node.properties().get(STORED);
        if (stored != null && !stored.isBlank()) {
            return stored.trim();
        }
        String name = node.name();
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return DEFAULT;
        }
        String type = BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type == null ? DEFAULT : type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }
}
