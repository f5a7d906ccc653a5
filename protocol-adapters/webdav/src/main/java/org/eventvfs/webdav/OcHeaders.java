package org.eventvfs.webdav;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.eventvfs.domain.Content;

/**
 * The ownCloud/Nextcloud upload headers rclone and the desktop clients send: {@code X-OC-Mtime}
 * (the file's modification time, seconds) and {@code OC-Checksum} ({@code SHA1:…}, {@code MD5:…}
 * or {@code SHA256:…}), checked against the bytes received before anything is committed.
 */
final class OcHeaders {
    private final Long modified;
    private final String algorithm;
    private final String expected;
    private final MessageDigest digest;

    private OcHeaders(Long modified, String algorithm, String expected, MessageDigest digest) {
        this.modified = modified;
        this.algorithm = algorithm;
        this.expected = expected;
        this.digest = digest;
    }

    static OcHeaders of(HttpServerRequest request) {
        Long modified = mtime(request.getHeader("X-OC-Mtime"));
        String checksum = request.getHeader("OC-Checksum");
        if (checksum == null || checksum.indexOf(':') < 0) {
            return new OcHeaders(modified, null, null, null);
        }
        String algorithm = checksum.substring(0, checksum.indexOf(':')).trim().toUpperCase(Locale.ROOT);
        String expected = checksum.substring(checksum.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT);
        MessageDigest digest = switch (algorithm) {
            case "SHA1" -> digest("SHA-1");
            case "MD5" -> digest("MD5");
            default -> null;
        };
        boolean known = digest != null || algorithm.equals("SHA256");
        return known ? new OcHeaders(modified, algorithm, expected, digest) : new OcHeaders(modified, null, null, null);
    }

    /** The modification time to record, epoch milliseconds, or null for the time of the upload. */
    Long modified() {
        return modified;
    }

    void update(Buffer chunk) {
        if (digest != null) {
            digest.update(chunk.getBytes());
        }
    }

    /** Throws a 400 DavException when the client's checksum is not that of what arrived. */
    void verify(Content content) {
        if (algorithm == null) {
            return;
        }
        String actual = digest != null ? HexFormat.of().formatHex(digest.digest()) : content.sha256().hex();
        if (!actual.equals(expected)) {
            throw new DavException(400, "OC-Checksum " + algorithm + ":" + expected + " does not match the "
                    + algorithm + " of the body received, " + actual);
        }
    }

    private static Long mtime(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(header.trim()) * 1000);
        } catch (NumberFormatException e) {
            throw new DavException(400, "X-OC-Mtime must be seconds since the epoch, not '" + header + "'");
        }
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from the JDK", e);
        }
    }
}
