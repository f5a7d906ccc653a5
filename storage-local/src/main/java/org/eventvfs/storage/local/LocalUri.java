package org.eventvfs.storage.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.eventvfs.spi.UriOptions;

/**
 * A {@code file:} URI naming a local folder, with options in its query:
 * {@code file:/srv/vfs/events?fsync=false}. A relative path ({@code file:events}) is taken
 * relative to the server's data folder.
 */
record LocalUri(Path directory, UriOptions options) {
    static LocalUri parse(URI uri, Path dataDirectory, Set<String> knownOptions) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not a file: URI: " + uri);
        }
        if (uri.getAuthority() != null && !uri.getAuthority().equals("localhost")) {
            throw new IllegalArgumentException("a file: URI names a folder on this machine, not on "
                    + uri.getAuthority() + ": " + uri);
        }
        String path = uri.isOpaque() ? before(uri.getSchemeSpecificPart(), '?') : uri.getPath();
        String query = uri.isOpaque() ? after(uri.getSchemeSpecificPart(), '?') : uri.getQuery();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a file: URI needs a folder: " + uri);
        }
        Path directory = Path.of(path);
        if (!directory.isAbsolute()) {
            if (dataDirectory == null) {
                throw new IllegalArgumentException("a relative file: URI needs a data folder to resolve against: " + uri);
            }
            directory = dataDirectory.resolve(directory);
        }
        return new LocalUri(directory.normalize(), UriOptions.parse(query, knownOptions, uri.toString()));
    }

    /** The boolean option {@code name}, {@code otherwise} if it is absent. */
    boolean flag(String name, boolean otherwise) {
        return options.flag(name, otherwise);
    }

    private static String before(String s, char separator) {
        int at = s.indexOf(separator);
        return at < 0 ? s : s.substring(0, at);
    }

    private static String after(String s, char separator) {
        int at = s.indexOf(separator);
        return at < 0 ? null : s.substring(at + 1);
    }
}
