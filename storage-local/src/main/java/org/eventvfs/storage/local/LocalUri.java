package org.eventvfs.storage.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code file:} URI naming a local folder, with options in its query:
 * {@code file:/srv/vfs/events?fsync=false}. A relative path ({@code file:events}) is taken
 * relative to the server's data folder.
 */
record LocalUri(Path directory, Map<String, String> options) {
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
        return new LocalUri(directory.normalize(), options(uri, query, knownOptions));
    }

    /** The boolean option {@code name}, {@code otherwise} if it is absent. */
    boolean flag(String name, boolean otherwise) {
        String value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + name + " is true or false, not '" + value + "'");
        };
    }

    private static Map<String, String> options(URI uri, String query, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String option : query.split("&")) {
            String name = before(option, '=');
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "' in " + uri + "; known: " + known);
            }
            options.put(name, Objects.requireNonNullElse(after(option, '='), ""));
        }
        return options;
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
