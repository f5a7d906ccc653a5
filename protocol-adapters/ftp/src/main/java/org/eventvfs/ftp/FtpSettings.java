package org.eventvfs.ftp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eventvfs.spi.SettingsSection;

/**
 * The {@code ftp:} section of the server's configuration, {@code port} excepted (the server reads it).
 *
 * @param passivePorts the ports offered for passive data connections, as FtpServer reads them
 *        ({@code 50000-50100}, {@code 2300,2301-2310}); null for any free port
 * @param passiveAddress the address told to clients in PASV replies (behind NAT); null for the
 *        address they connected to
 * @param activeEnabled whether PORT/EPRT (the server connects to the client) are served; they are
 *        always limited to the client's own address, so they cannot aim at a third host
 * @param certificate a PEM certificate chain: with {@code privateKey}, AUTH TLS (explicit FTPS) is served
 * @param privateKey the PEM private key of {@code certificate}
 * @param implicitTlsPort a second port speaking TLS from the first byte (implicit FTPS), 0 for none
 * @param requireTls whether USER, PASS and data transfers are refused until the session is encrypted
 * @param maxSessions the most logged-in sessions at once
 * @param idleTimeout how long an idle control connection is kept
 * @param loginCache how long a checked password is remembered (as a keyed hash), so that clients
 *        that log in once per file or per command do not pay for Argon2id each time; zero for never
 */
public record FtpSettings(String passivePorts, String passiveAddress, boolean activeEnabled, String certificate,
                          String privateKey, int implicitTlsPort, boolean requireTls, int maxSessions,
                          Duration idleTimeout, Duration loginCache, int slowAfter, int banAfter,
                          Duration banTime) {
    public static final FtpSettings DEFAULTS = new FtpSettings(null, null, false, null, null, 0, false, 100,
            Duration.ofMinutes(5), Duration.ofMinutes(5), 5, 20, Duration.ofMinutes(15));

    private static final Set<String> KEYS = Set.of("passivePorts", "passiveAddress", "activeEnabled", "certificate",
            "privateKey", "implicitTlsPort", "requireTls", "maxSessions", "idleSeconds", "loginCacheSeconds",
            "slowAfter", "banAfter", "banMinutes");
    private static final Pattern PORT_RANGES = Pattern.compile("\\d{1,5}(-\\d{1,5})?(\\s*,\\s*\\d{1,5}(-\\d{1,5})?)*");

    public FtpSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("ftp.certificate and ftp.privateKey go together: give both or neither");
        }
        if (certificate == null && (requireTls || implicitTlsPort != 0)) {
            throw new IllegalArgumentException("ftp.requireTls and ftp.implicitTlsPort need ftp.certificate and "
                    + "ftp.privateKey");
        }
        if (slowAfter > banAfter) {
            throw new IllegalArgumentException("ftp.slowAfter (" + slowAfter + ") must not exceed ftp.banAfter ("
                    + banAfter + ")");
        }
    }

    boolean tls() {
        return certificate != null;
    }

    /** Parses the section; an unknown key or a value of the wrong kind fails with a message naming it. */
    public static FtpSettings parse(Map<String, Object> values) {
        SettingsSection section = SettingsSection.of("ftp", values, KEYS);
        String passivePorts = section.text("passivePorts");
        if (passivePorts != null && !PORT_RANGES.matcher(passivePorts.trim()).matches()) {
            throw section.invalid("passivePorts", "must be ports and ranges such as 50000-50100", passivePorts);
        }
        return new FtpSettings(
                passivePorts == null ? null : passivePorts.trim(),
                section.text("passiveAddress"),
                section.flag("activeEnabled", DEFAULTS.activeEnabled),
                section.text("certificate"),
                section.text("privateKey"),
                (int) section.number("implicitTlsPort", DEFAULTS.implicitTlsPort, 0),
                section.flag("requireTls", DEFAULTS.requireTls),
                (int) section.number("maxSessions", DEFAULTS.maxSessions, 1),
                Duration.ofSeconds(section.number("idleSeconds", DEFAULTS.idleTimeout.toSeconds(), 1)),
                Duration.ofSeconds(section.number("loginCacheSeconds", DEFAULTS.loginCache.toSeconds(), 0)),
                (int) section.number("slowAfter", DEFAULTS.slowAfter, 1),
                (int) section.number("banAfter", DEFAULTS.banAfter, 1),
                Duration.ofMinutes(section.number("banMinutes", DEFAULTS.banTime.toMinutes(), 1)));
    }
}
