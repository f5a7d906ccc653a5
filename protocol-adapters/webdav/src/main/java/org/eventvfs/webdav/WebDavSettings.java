package org.eventvfs.webdav;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code webdav:} section of the server's configuration, {@code port} excepted (the server reads it).
 *
 * @param certificate a PEM certificate chain: with {@code privateKey}, WebDAV is served over HTTPS
 * @param privateKey the PEM private key of {@code certificate}
 * @param depthInfinityLimit the most resources a PROPFIND with Depth: infinity may list; larger
 *        trees are refused with 403 and the {@code propfind-finite-depth} precondition
 * @param maxXmlBytes the largest XML request body read (PROPFIND, PROPPATCH, LOCK)
 * @param maxXmlDepth the deepest nesting of elements accepted in an XML body
 * @param maxUploadBytes the largest PUT body accepted, 0 for no limit
 * @param maxLockTimeout the longest lock granted, whatever a client asks for
 * @param loginCache how long a checked password is remembered (as a keyed hash), so that
 *        Basic authentication, which sends it with every request, does not pay Argon2id each time
 */
public record WebDavSettings(String certificate, String privateKey, int depthInfinityLimit, int maxXmlBytes,
                             int maxXmlDepth, long maxUploadBytes, Duration maxLockTimeout, Duration loginCache,
                             int slowAfter, int banAfter, Duration banTime) {
    public static final WebDavSettings DEFAULTS = new WebDavSettings(null, null, 10_000, 1 << 20, 64, 0,
            Duration.ofHours(1), Duration.ofMinutes(5), 5, 20, Duration.ofMinutes(15));

    private static final Set<String> KEYS = Set.of("certificate", "privateKey", "depthInfinityLimit", "maxXmlBytes",
            "maxXmlDepth", "maxUploadBytes", "maxLockSeconds", "loginCacheSeconds", "slowAfter", "banAfter",
            "banMinutes");

    public WebDavSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("webdav.certificate and webdav.privateKey go together: give both or "
                    + "neither");
        }
        if (slowAfter > banAfter) {
            throw new IllegalArgumentException("webdav.slowAfter (" + slowAfter + ") must not exceed webdav.banAfter ("
                    + banAfter + ")");
        }
    }

    boolean https() {
        return certificate != null;
    }

    /** Parses the section; an unknown key or a value of the wrong kind fails with a message naming it. */
    public static WebDavSettings parse(Map<String, Object> section) {
        for (String key : section.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("webdav." + key + " is not a setting; known settings: port, "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        return new WebDavSettings(
                text(section, "certificate"),
                text(section, "privateKey"),
                (int) number(section, "depthInfinityLimit", DEFAULTS.depthInfinityLimit, 1),
                (int) number(section, "maxXmlBytes", DEFAULTS.maxXmlBytes, 1),
                (int) number(section, "maxXmlDepth", DEFAULTS.maxXmlDepth, 1),
                number(section, "maxUploadBytes", DEFAULTS.maxUploadBytes, 0),
                Duration.ofSeconds(number(section, "maxLockSeconds", DEFAULTS.maxLockTimeout.toSeconds(), 1)),
                Duration.ofSeconds(number(section, "loginCacheSeconds", DEFAULTS.loginCache.toSeconds(), 0)),
                (int) number(section, "slowAfter", DEFAULTS.slowAfter, 1),
                (int) number(section, "banAfter", DEFAULTS.banAfter, 1),
                Duration.ofMinutes(number(section, "banMinutes", DEFAULTS.banTime.toMinutes(), 1)));
    }

    private static String text(Map<String, Object> section, String key) {
        Object value = section.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("webdav." + key + " must be a file name, got '" + value + "'");
    }

    private static long number(Map<String, Object> section, String key, long fallback, long least) {
        Object value = section.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (parsed >= least && (value instanceof Number || value instanceof String)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the key's name.
        }
        throw new IllegalArgumentException("webdav." + key + " must be a whole number of at least " + least
                + ", got '" + value + "'");
    }
}
