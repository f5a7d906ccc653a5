package org.eventvfs.server;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eventvfs.LoginThrottle;
import org.eventvfs.spi.SettingsSection;

/**
 * The {@code admin:} section of the configuration, {@code port} excepted: the TLS certificate of
 * the admin port and how it answers repeated failed logins (and bad invite codes) from one address.
 *
 * @param certificate a PEM certificate chain; with neither it nor {@code privateKey}, a self-signed
 *        one is made once in the data folder
 * @param privateKey the PEM private key of {@code certificate}
 * @param slowAfter failures from one address before each further attempt is delayed
 * @param banAfter failures from one address before it is refused for {@code banTime}
 */
record AdminSettings(String certificate, String privateKey, int slowAfter, int banAfter, Duration banTime) {
    static final AdminSettings DEFAULTS = new AdminSettings(null, null, 5, 20, Duration.ofMinutes(15));

    private static final Set<String> KEYS = Set.of("certificate", "privateKey", "slowAfter", "banAfter", "banMinutes");

    AdminSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new ConfigException("admin.certificate and admin.privateKey go together: give both or neither");
        }
        if (slowAfter > banAfter) {
            throw new ConfigException("admin.slowAfter (" + slowAfter + ") must not exceed admin.banAfter ("
                    + banAfter + ")");
        }
    }

    /** A new throttle with these limits, for one kind of failure. */
    LoginThrottle throttle() {
        return LoginThrottle.of(slowAfter, banAfter, banTime);
    }

    /** Parses the section; an unknown key or a value of the wrong kind fails with a message naming it. */
    static AdminSettings parse(Map<String, Object> values) {
        try {
            SettingsSection section = SettingsSection.of("admin", values, KEYS);
            return new AdminSettings(
                    section.text("certificate"),
                    section.text("privateKey"),
                    (int) section.number("slowAfter", DEFAULTS.slowAfter, 1),
                    (int) section.number("banAfter", DEFAULTS.banAfter, 1),
                    Duration.ofMinutes(section.number("banMinutes", DEFAULTS.banTime.toMinutes(), 1)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
