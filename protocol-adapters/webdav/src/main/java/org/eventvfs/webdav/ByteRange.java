package org.eventvfs.webdav;

/**
 * One {@code bytes=} range of a Range header (RFC 9110 §14.1.2). Several ranges are answered with
 * the whole file, which the RFC allows; a range past the end is unsatisfiable (416).
 */
record ByteRange(long first, long last) {
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return last - first + 1;
    }

    /** The range to send, null for the whole file, or {@link #UNSATISFIABLE}. */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.trim().toLowerCase().startsWith("bytes=")) {
            return null;
        }
        String spec = header.trim().substring(6).trim();
        if (spec.contains(",")) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String start = spec.substring(0, dash).trim();
            String end = spec.substring(dash + 1).trim();
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix == 0 || size == 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            if (first >= size) {
                return UNSATISFIABLE;
            }
            return first > last ? null : new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
