package org.eventvfs.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eventvfs.Retention;
import org.eventvfs.domain.Names;
import org.eventvfs.domain.VfsException;

/**
 * Checks single configuration values, the same way whether they come from YAML, the environment or
 * a flag; {@code key} names where the value came from, for the error message.
 */
final class ConfigValues {
    private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final int MAX_PORT = 65_535;
    /** A thousand centuries: any longer overflows a duration's arithmetic with instants. */
    private static final long MAX_KEEP_DAYS = 36_500_000;

    private ConfigValues() {
    }

    static int port(String key, String text) {
        try {
            return port(key, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + text + "' is not a port number (0 to " + MAX_PORT
                    + "; 0 turns the listener off)");
        }
    }

    static int port(String key, int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new ConfigException(key + ": " + port + " is not a port number (0 to " + MAX_PORT
                    + "; 0 turns the listener off)");
        }
        return port;
    }

    /** A store URI; its scheme picks the storage provider, so it must have one. */
    static URI storeUri(String key, String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(key + ": '" + text + "' is not a URI: " + e.getReason());
        }
        if (uri.getScheme() == null) {
            throw new ConfigException(key + ": '" + text + "' has no scheme; a store URI looks like "
                    + "file:/srv/vfs-data/events");
        }
        return uri;
    }

    /**
     * A store URI given on the command line, which must not carry a secret: a command line is
     * seen by every user of the machine ({@code ps}) and kept in shell histories.
     */
    static URI storeUriFlag(String key, String text) {
        URI uri = storeUri(key, text);
        // A PostgreSQL URI never carries a password, wherever it is given: its store says so itself.
        boolean postgres = "postgresql".equalsIgnoreCase(uri.getScheme());
        if (!postgres && uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new ConfigException(key + ": no credentials on the command line; put them in the configuration "
                    + "file or the environment (VFS_BLOBS, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
        }
        return uri;
    }

    /** The URI as messages and logs show it: a password in it replaced by {@code ***}. */
    static String shown(URI uri) {
        String info = uri.getRawUserInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        if (colon < 0) {
            return uri.toString();
        }
        return uri.toString().replace(info + "@", info.substring(0, colon) + ":***@");
    }

    /** Whether a bind address is this machine only (127.0.0.0/8, ::1 or localhost), without a DNS lookup. */
    static boolean isLoopback(String bind) {
        return bind.startsWith("127.") || bind.equals("::1") || bind.equals("[::1]") || bind.equals("localhost");
    }

    /** {@code history.folder}: a valid file name, or empty for no history folder. */
    static String historyFolder(String key, String text) {
        if (text.isEmpty()) {
            return text;
        }
        try {
            return Names.requireValid(text);
        } catch (VfsException.InvalidName e) {
            throw new ConfigException(key + ": '" + text + "' is not a folder name (" + e.getMessage()
                    + "); empty turns the history folder off");
        }
    }

    /** {@code retention.keepDays}: whole days, 0 or more. */
    static Retention keepDays(String key, String text) {
        try {
            long days = Long.parseLong(text.strip());
            if (days >= 0 && days <= MAX_KEEP_DAYS) {
                return Retention.days(days);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException(key + ": '" + text + "' is not a number of days (0 or more) to keep the content"
                + " of superseded revisions");
    }

    /** {@code log.level}: one of logback's levels, in any case. */
    static String logLevel(String key, String text) {
        String level = text.strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new ConfigException(key + ": '" + text + "' is not a log level; the levels are "
                    + String.join(", ", LOG_LEVELS));
        }
        return level;
    }

    static Path path(String key, String text) {
        if (text.isBlank()) {
            throw new ConfigException(key + ": a path is needed, not an empty value");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(key + ": '" + text + "' is not a usable path: " + e.getReason());
        }
    }

    /** An address or host name to listen on; resolved by the listeners, so only its shape is checked. */
    static String bind(String key, String text) {
        String address = text.strip();
        if (address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(key + ": '" + text + "' is not an address to listen on (e.g. 127.0.0.1 or 0.0.0.0)");
        }
        return address;
    }
}
