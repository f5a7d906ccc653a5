package org.eventvfs.webdav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.VfsPath;

/**
 * Request URIs to names and back. A URI's path is split at {@code /} before its segments are
 * percent-decoded, so {@code %2F} can never smuggle a separator into a name, and a {@code ..}
 * segment is refused rather than resolved.
 */
final class Hrefs {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Hrefs() {
    }

    /**
     * The names of an absolute URI path, decoded. Throws a 400 DavException for {@code ..}, a
     * decoded {@code /} or NUL, bad escapes or bytes that are not UTF-8.
     */
    static List<String> names(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new DavException(400, "the request path must be absolute: " + rawPath);
        }
        List<String> names = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            String name = decode(segment);
            if (name.equals("..") || name.equals(".") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
                throw new DavException(400, "the path segment '" + segment + "' is not a name");
            }
            names.add(name);
        }
        return names;
    }

    /** The path part of an absolute or relative URI: a Destination header's. */
    static String pathOf(String uri) {
        int scheme = uri.indexOf("://");
        String rest = uri;
        if (scheme > 0 && uri.indexOf('/') > scheme) {
            int slash = uri.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : uri.substring(slash);
        }
        int cut = rest.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return rest.substring(0, cut);
    }

    /** The host[:port] of an absolute URI, or null for a relative one. */
    static String authorityOf(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        int slash = uri.indexOf('/', scheme + 3);
        String authority = slash < 0 ? uri.substring(scheme + 3) : uri.substring(scheme + 3, slash);
        int at = authority.lastIndexOf('@');
        return at >= 0 ? authority.substring(at + 1) : authority;
    }

    /**
     * The href of {@code path} inside {@code home}, percent-encoded; collections end with {@code /}.
     * Every byte but the unreserved ones (RFC 3986 §2.3) is escaped, {@code @} and {@code :} too,
     * as neon does: neon's clients (cadaver, davfs2) escape a path so before they send it, then look
     * for it among the hrefs of the answer byte for byte, so {@code /.history/@7/} would not be found.
     */
    static String href(VfsPath home, VfsPath path, boolean collection) {
        StringBuilder href = new StringBuilder();
        for (String name : path.relativize(home).names()) {
            href.append('/');
            encode(name, href);
        }
        if (collection || href.isEmpty()) {
            href.append('/');
        }
        return href.toString();
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        encode(name, out);
        return out.toString();
    }

    private static void encode(String name, StringBuilder out) {
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= segment.length()) {
                throw new DavException(400, "a truncated escape in '" + segment + "'");
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new DavException(400, "a bad escape in '" + segment + "'");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new DavException(400, "'" + segment + "' is not UTF-8");
        }
    }
}
