package org.eventvfs.domain;


/**
 * The one place where names and paths are validated. Every adapter reaches it through
 * {@link VfsPath#parse(String)}, so no protocol can smuggle a name the others would refuse.
 */
public final class Names {
    /** Longest name in UTF-8 bytes, as POSIX NAME_MAX on common file systems. */
    public static final int MAX_NAME_BYTES = 255;
    /** Longest path in UTF-8 bytes, as Linux PATH_MAX. */
    public static final int MAX_PATH_BYTES = 4096;

    private Names() {
    }

    /** Returns {@code name} if it may name a node, or throws {@link VfsException.InvalidName}. */
    public static String requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new VfsException.InvalidName("a name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new VfsException.InvalidName("'" + name + "' cannot name a node");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/') {
                throw new VfsException.InvalidName("a name must not contain '/': " + printable(name));
            }
            if (c == 0) {
                throw new VfsException.InvalidName("a name must not contain NUL: " + printable(name));
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(name, i)) {
                throw new VfsException.InvalidName("a name must be valid Unicode: " + printable(name));
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        if (utf8Length(name) > MAX_NAME_BYTES) {
            throw new VfsException.InvalidName("a name must be at most " + MAX_NAME_BYTES + " UTF-8 bytes, got "
                    + utf8Length(name));
        }
        return name;
    }

    /** The length of {@code s} in UTF-8, counted without encoding it; an unpaired surrogate counts as "?". */
    static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (validSurrogatePair(s, i)) {
                length += 4;
                i++;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return length;
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** A form of {@code s} safe to put in an error message or a log line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80) + 8);
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= 80) {
            b.append("…");
        }
        return b.toString();
    }
}
