package org.eventvfs.sftp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eventvfs.spi.SettingsSection;

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
    public static SftpSettings parse(Map<String, Object> values) {
        SettingsSection section = SettingsSection.of("sftp", values, KEYS);
        return new SftpSettings(
                (int) section.number("maxAuthTries", DEFAULTS.maxAuthTries, 1),
                (int) section.number("slowAfter", DEFAULTS.slowAfter, 1),
                (int) section.number("banAfter", DEFAULTS.banAfter, 1),
                Duration.ofMinutes(section.number("banMinutes", DEFAULTS.banTime.toMinutes(), 1)),
                section.flag("scp", DEFAULTS.scp));
    }
}
