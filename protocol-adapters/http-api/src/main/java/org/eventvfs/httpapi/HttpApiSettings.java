package org.eventvfs.httpapi;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eventvfs.spi.SettingsSection;

/**
 * The {@code http:} section of the server's configuration, {@code port} excepted (the server reads it).
 *
 * @param loginCache how long a checked password is remembered (as a keyed hash), since Basic
 *        authentication sends it with every request and Argon2id is slow on purpose
 * @param slowAfter failed logins from one address before each further attempt is delayed
 * @param banAfter failed logins from one address before it is refused for {@code banTime}
 */
public record HttpApiSettings(Duration loginCache, int slowAfter, int banAfter, Duration banTime) {
    public static final HttpApiSettings DEFAULTS = new HttpApiSettings(Duration.ofMinutes(5), 5, 20,
            Duration.ofMinutes(15));

    private static final Set<String> KEYS = Set.of("loginCacheSeconds", "slowAfter", "banAfter", "banMinutes");

    public HttpApiSettings {
        if (slowAfter > banAfter) {
            throw new IllegalArgumentException("http.slowAfter (" + slowAfter + ") must not exceed http.banAfter ("
                    + banAfter + ")");
        }
    }

    /** Parses the section; an unknown key or a value of the wrong kind fails with a message naming it. */
    public static HttpApiSettings parse(Map<String, Object> values) {
        SettingsSection section = SettingsSection.of("http", values, KEYS);
        return new HttpApiSettings(
                Duration.ofSeconds(section.number("loginCacheSeconds", DEFAULTS.loginCache.toSeconds(), 0)),
                (int) section.number("slowAfter", DEFAULTS.slowAfter, 1),
                (int) section.number("banAfter", DEFAULTS.banAfter, 1),
                Duration.ofMinutes(section.number("banMinutes", DEFAULTS.banTime.toMinutes(), 1)));
    }
}
