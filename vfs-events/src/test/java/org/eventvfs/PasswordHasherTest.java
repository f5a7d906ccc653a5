package org.eventvfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void aHashIsAnArgon2idPhcStringThatVerifiesItsPasswordOnly() {
        String hash = PasswordHasher.hash("correct horse".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=65536,t=3,p=4$");
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("correct horsf".toCharArray(), hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(PasswordHasher.hash("pw".toCharArray())).isNotEqualTo(PasswordHasher.hash("pw".toCharArray()));
    }

    @Test
    void anythingButAHashIsRefusedAndNeverVerifies() {
        assertThatThrownBy(() -> PasswordHasher.requireHash("hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never a password in clear");
        assertThat(PasswordHasher.requireHash(null)).isNull();
        assertThat(PasswordHasher.verify("hunter2".toCharArray(), "hunter2")).isFalse();
        assertThat(PasswordHasher.verify("hunter2".toCharArray(), null)).isFalse();
    }
}
