package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SftpSettingsTest {
    @Test
    void anEmptySectionMeansTheDefaults() {
        assertThat(SftpSettings.parse(Map.of())).isEqualTo(SftpSettings.DEFAULTS);
        assertThat(SftpSettings.DEFAULTS.banTime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everyKeyIsRead() {
        SftpSettings settings = SftpSettings.parse(Map.of("maxAuthTries", 3, "slowAfter", 2, "banAfter", 4,
                "banMinutes", 60, "scp", false));
        assertThat(settings).isEqualTo(new SftpSettings(3, 2, 4, Duration.ofHours(1), false));
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThatThrownBy(() -> SftpSettings.parse(Map.of("banMinute", 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sftp.banMinute is not a setting")
                .hasMessageContaining("banMinutes");
    }

    @Test
    void wrongValuesAreNamed() {
        assertThatThrownBy(() -> SftpSettings.parse(Map.of("banAfter", "many")))
                .hasMessageContaining("sftp.banAfter must be a whole number").hasMessageContaining("many");
        assertThatThrownBy(() -> SftpSettings.parse(Map.of("maxAuthTries", 0)))
                .hasMessageContaining("sftp.maxAuthTries");
        assertThatThrownBy(() -> SftpSettings.parse(Map.of("scp", "yes")))
                .hasMessageContaining("sftp.scp must be true or false");
        assertThatThrownBy(() -> SftpSettings.parse(Map.of("slowAfter", 30, "banAfter", 20)))
                .hasMessageContaining("sftp.slowAfter (30) must not exceed sftp.banAfter (20)");
    }
}
