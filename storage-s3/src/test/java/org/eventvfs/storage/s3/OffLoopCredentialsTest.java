package org.eventvfs.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

class OffLoopCredentialsTest {
    @Test
    void credentialsAskedForOnAnEventLoopAreResolvedElsewhere() throws Exception {
        AtomicReference<Thread> resolvedOn = new AtomicReference<>();
        OffLoopCredentials credentials = new OffLoopCredentials(() -> {
            resolvedOn.set(Thread.currentThread());
            return AwsBasicCredentials.create("key", "secret");
        });
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<AwsCredentialsIdentity> asked = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                assertThat(Context.isOnEventLoopThread()).isTrue();
                credentials.resolveIdentity(ResolveIdentityRequest.builder().build())
                        .whenComplete((identity, failure) -> asked.complete(identity));
            });

            assertThat(asked.get(10, TimeUnit.SECONDS).accessKeyId()).isEqualTo("key");
            assertThat(resolvedOn.get().isVirtual()).isTrue();
        } finally {
            vertx.close().await();
        }
    }
}
