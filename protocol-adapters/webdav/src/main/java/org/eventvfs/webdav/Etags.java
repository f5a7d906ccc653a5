package org.eventvfs.webdav;

import org.eventvfs.domain.Node;

/**
 * Entity tags: a file's is the first 128 bits of its content's SHA-256, so equal bytes give equal
 * tags on any server. The full 256 bits would make If headers longer than some clients' buffers
 * (litmus cuts them at 200 bytes), and 128 bits already never collide by chance.
 */
final class Etags {
    private Etags() {
    }

    static String of(Node node) {
        if (node.isFile()) {
            return "\"" + node.content().sha256().hex().substring(0, 32) + "\"";
        }
        return "\"" + node.kind().name().toLowerCase() + "-" + Long.toHexString(node.id()) + "-"
                + Long.toHexString(node.modified()) + "\"";
    }

    /** True when {@code header} (If-Match or If-None-Match) lists {@code etag} or is {@code *}; weak tags compare weakly. */
    static boolean listed(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
