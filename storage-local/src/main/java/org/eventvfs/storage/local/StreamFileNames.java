package org.eventvfs.storage.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Log file names for stream names: lower-case letters, digits, {@code -}, {@code _} and a
 * non-leading {@code .} stay, every other UTF-8 byte becomes {@code %XX} ({@code @accounts} →
 * {@code %40accounts.log}). Upper case is escaped too, so that two streams never share a file on
 * a case-insensitive file system (macOS, Windows).
 */
final class StreamFileNames {
    static final String SUFFIX = ".log";
    private static final int MAX_FILE_NAME_BYTES = 255;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private StreamFileNames() {
    }

    /** The log file name for {@code stream}; refuses names with {@code /}, NUL or {@code ..}. */
    static String of(String stream) {
        if (stream == null || stream.isEmpty() || stream.indexOf('/') >= 0 || stream.indexOf('\0') >= 0
                || stream.contains("..")) {
            throw new IllegalArgumentException("not a stream name: '" + stream + "'");
        }
        StringBuilder name = new StringBuilder(stream.length() + SUFFIX.length());
        byte[] utf8 = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            if (kept(b, i == 0)) {
                name.append((char) b);
            } else {
                name.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        String fileName = name.append(SUFFIX).toString();
        if (fileName.length() > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("stream name too long for a log file name: '" + stream + "'");
        }
        return fileName;
    }

    /** The stream whose log {@code fileName} is, or null if {@link #of} would not have named it so. */
    static String streamOf(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return null;
        }
        String encoded = fileName.substring(0, fileName.length() - SUFFIX.length());
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream(encoded.length());
        try {
            for (int i = 0; i < encoded.length(); i++) {
                if (encoded.charAt(i) == '%') {
                    utf8.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                    i += 2;
                } else {
                    utf8.write(encoded.charAt(i));
                }
            }
            String stream = utf8.toString(StandardCharsets.UTF_8);
            return of(stream).equals(fileName) ? stream : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean kept(int b, boolean first) {
        return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || (b == '.' && !first);
    }
}
