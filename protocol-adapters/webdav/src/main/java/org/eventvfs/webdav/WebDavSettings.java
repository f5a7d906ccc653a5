package org.eventvfs.webdav;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eventvfs.spi.SettingsSection;

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

    /** The settings a running server takes on a reload: those read per request, and the login throttle's. */
    static final Set<String> RELOADABLE = Set.of("depthInfinityLimit", "maxXmlBytes", "maxUploadBytes",
            "maxLockSeconds", "slowAfter", "banAfter", "banMinutes");

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
    public static WebDavSettings parse(Map<String, Object> values) {
        SettingsSection section = SettingsSection.of("webdav", values, KEYS);
        return new WebDavSettings(
                section.text("certificate"),
                section.text("privateKey"),
                (int) section.number("depthInfinityLimit", DEFAULTS.depthInfinityLimit, 1),
                (int) section.number("maxXmlBytes", DEFAULTS.maxXmlBytes, 1),
                (int) section.number("maxXmlDepth", DEFAULTS.maxXmlDepth, 1),
                section.number("maxUploadBytes", DEFAULTS.maxUploadBytes, 0),
                Duration.ofSeconds(section.number("maxLockSeconds", DEFAULTS.maxLockTimeout.toSeconds(), 1)),
                Duration.ofSeconds(section.number("loginCacheSeconds", DEFAULTS.loginCache.toSeconds(), 0)),
                (int) section.number("slowAfter", DEFAULTS.slowAfter, 1),
                (int) section.number("banAfter", DEFAULTS.banAfter, 1),
                Duration.ofMinutes(section.number("banMinutes", DEFAULTS.banTime.toMinutes(), 1)));
    }
}
