package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which bind addresses the admin port and the metrics port warn about: anything a client beyond
 * this machine could reach. Decided from the address alone, so no test has to listen beyond loopback.
 */
class LoopbackBindTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost"})
    void loopbackAddressesAreThisMachineOnly(String bind) {
        assertThat(ConfigValues.isLoopback(bind)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "2001:db8::1", "files.example.net", "128.0.0.1"})
    void everyOtherAddressIsWarnedAbout(String bind) {
        assertThat(ConfigValues.isLoopback(bind)).isFalse();
    }
}
