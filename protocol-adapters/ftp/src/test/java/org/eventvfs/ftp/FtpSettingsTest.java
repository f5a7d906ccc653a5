package org.eventvfs.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.mina.core.buffer.IoBuffer;
import org.junit.jupiter.api.Test;

class FtpSettingsTest {
    @Test
    void defaultsWhenNothingIsConfigured() {
        assertThat(FtpSettings.parse(Map.of())).isEqualTo(FtpSettings.DEFAULTS);
        assertThat(FtpSettings.DEFAULTS.activeEnabled()).isFalse();
        assertThat(FtpSettings.DEFAULTS.tls()).isFalse();
    }

    @Test
    void everySettingIsRead() {
        FtpSettings settings = FtpSettings.parse(Map.ofEntries(
                Map.entry("passivePorts", "50000-50100, 50200"), Map.entry("passiveAddress", "203.0.113.7"),
                Map.entry("activeEnabled", true), Map.entry("certificate", "c.pem"), Map.entry("privateKey", "k.pem"),
                Map.entry("implicitTlsPort", 990), Map.entry("requireTls", true), Map.entry("maxSessions", 7),
                Map.entry("idleSeconds", "60"), Map.entry("loginCacheSeconds", 0), Map.entry("slowAfter", 2), Map.entry("banAfter", 4),
                Map.entry("banMinutes", 1)));
        assertThat(settings).isEqualTo(new FtpSettings("50000-50100, 50200", "203.0.113.7", true, "c.pem", "k.pem",
                990, true, 7, Duration.ofSeconds(60), Duration.ZERO, 2, 4, Duration.ofMinutes(1)));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("pasivePorts", "1-2")))
                .hasMessageStartingWith("ftp.pasivePorts is not a setting; known settings: port, activeEnabled,");
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("passivePorts", "high")))
                .hasMessage("ftp.passivePorts must be ports and ranges such as 50000-50100, got 'high'");
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("maxSessions", 0)))
                .hasMessage("ftp.maxSessions must be a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("activeEnabled", "yes")))
                .hasMessage("ftp.activeEnabled must be true or false, got 'yes'");
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("certificate", "c.pem")))
                .hasMessageContaining("give both or neither");
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("requireTls", true)))
                .hasMessageContaining("need ftp.certificate");
        assertThatThrownBy(() -> FtpSettings.parse(Map.of("slowAfter", 9, "banAfter", 3)))
                .hasMessageContaining("must not exceed");
    }

    @Test
    void abortIsFoundOnlyAsAWholeLine() {
        assertThat(AbortWatch.holdsAbort(bytes("ABOR\r\n"))).isTrue();
        assertThat(AbortWatch.holdsAbort(bytes("abor\r\n"))).isTrue();
        assertThat(AbortWatch.holdsAbort(bytes("NOOP\r\nABOR\r\n"))).isTrue();
        byte[] telnet = {(byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2, 'A', 'B', 'O', 'R', '\r', '\n'};
        assertThat(AbortWatch.holdsAbort(IoBuffer.wrap(telnet))).as("after Telnet IP and DM").isTrue();
        assertThat(AbortWatch.holdsAbort(bytes("STOR xabor\r\n"))).isFalse();
        assertThat(AbortWatch.holdsAbort(bytes("ABORT\r\n"))).isFalse();
        assertThat(AbortWatch.holdsAbort(bytes("ABOR"))).as("not yet a line").isFalse();
    }

    private static IoBuffer bytes(String text) {
        return IoBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
