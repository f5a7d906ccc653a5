package org.eventvfs.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3LocationTest {
    @Test
    void aCustomEndpointMeansPathStyleAndTheOptionsHaveDefaults() {
        S3Location location = S3Location.parse(
                URI.create("s3://bucket/some/prefix/?endpoint=http://127.0.0.1:9000"), Map.of());

        assertThat(location.bucket()).isEqualTo("bucket");
        assertThat(location.key("ab")).isEqualTo("some/prefix/ab");
        assertThat(location.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(location.pathStyle()).isTrue();
        assertThat(location.region()).isEqualTo("us-east-1");
        assertThat(location.transfers()).isEqualTo(16);
        assertThat(location.accessKey()).isNull();
    }

    @Test
    void awsItselfIsVirtualHostedAndTheRegionComesFromTheEnvironment() {
        S3Location location = S3Location.parse(URI.create("s3://bucket"), Map.of("AWS_REGION", "eu-west-3"));

        assertThat(location.pathStyle()).isFalse();
        assertThat(location.region()).isEqualTo("eu-west-3");
        assertThat(location.key("ab")).isEqualTo("ab");
    }

    @Test
    void optionsAndCredentialsAreRead() {
        S3Location location = S3Location.parse(URI.create("s3://AK:s%2Fcret@b/p?region=auto&path-style=false"
                + "&transfers=4&attempts=2&timeout=5s&profile=prod"), Map.of());

        assertThat(location.accessKey()).isEqualTo("AK");
        assertThat(location.secretKey()).isEqualTo("s/cret");
        assertThat(location.region()).isEqualTo("auto");
        assertThat(location.pathStyle()).isFalse();
        assertThat(location.transfers()).isEqualTo(4);
        assertThat(location.attempts()).isEqualTo(2);
        assertThat(location.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(location.profile()).isEqualTo("prod");
    }

    @Test
    void theSecretIsNeverShown() {
        URI uri = URI.create("s3://AK:s%2Fcret@b/p?region=auto");

        assertThat(S3Location.shown(uri)).isEqualTo("s3://AK:***@b/p?region=auto");
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3://AK:secret@b/p?regoin=x"), Map.of()))
                .hasMessageContaining("regoin").hasMessageNotContaining("secret");
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3://b?transfers=0"), Map.of()))
                .hasMessageContaining("transfers");
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3://b?endpoint=ftp://x"), Map.of()))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3:///prefix"), Map.of()))
                .hasMessageContaining("bucket");
    }
}
