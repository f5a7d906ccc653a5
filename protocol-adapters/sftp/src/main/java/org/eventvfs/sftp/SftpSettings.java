package org.eventvfs.sftp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code sftp:} section of the server's configuration, {@code port} excepted (the server reads it).
 *
 * @param maxAuthTries authentication requests allowed on one connection before it is closed
 * @param slowAfter failed logins from one address after which its further attempts are answered late
 * @param banAfter failed logins from one address after which it is refused for {@code banTime}
 * @param banTime how long a banned address is refused; failures older than this are forgotten
 * @param scp whether legacy SCP ({@code scp -O}) is served beside SFTP
 */
public record SftpSettings(int maxAuthTries, int slowAfter, int banAfter, Duration banTime, boolean scp) {
    public static final SftpSettings DEFAULTS = new SftpSettings(6, 5, 20, Duration.ofMinutes(15), true);

    private static final Set<String> KEYS = Set.of("maxAuthTries", "slowAfter", "banAfter", "banMinutes", "scp");

    public SftpSettings {
        if (slowAfter > banAfter) {
            throw new IllegalArgumentException("sftp.slowAfter (" + slowAfter + ") must not exceed sftp.banAfter ("
                    + banAfter + ")");
        }
    }

    /** Parses the section; an unknown key or a value of the wrong kind fails with a message naming it. */
    public static SftpSettings parse(Map<String, Object> section) {
        for (String key : section.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("sftp." + key + " is not a setting; known settings: port, "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        return new SftpSettings(
                positive(section, "maxAuthTries", DEFAULTS.maxAuthTries),
                positive(section, "slowAfter", DEFAULTS.slowAfter),
                positive(section, "banAfter", DEFAULTS.banAfter),
                Duration.ofMinutes(positive(section, "banMinutes", (int) DEFAULTS.banTime.toMinutes())),
                flag(section, "scp", DEFAULTS.scp));
    }

    private static int positive(Map<String, Object> section, String key, int fallback) {
        Object value = section.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer number && number > 0) {
            return number;
        }
        throw new IllegalArgumentException("sftp." + key + " must be a whole number of at least 1, got '" + value
                + "'");
    }

    private static boolean flag(Map<String, Object> section, String key, boolean fallback) {
        Object value = section.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalArgumentException("sftp." + key + " must be true or false, got '" + value + "'");
    }
}
