package org.eventvfs.storage.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the S3 client. The SDK's async client on its Netty transport: its calls return at once
 * and complete on the SDK's own threads, so no Vert.x event loop ever waits on the network, and
 * it brings SigV4, every credential source and the retry logic that S3's error codes need, which
 * a leaner client would make us write again.
 */
final class S3Clients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(10);

    /**
     * One set of Netty threads for every client in the process, never shut down: a client's own
     * set waits seconds for its quiet period on close, which would stall every stop of a server.
     */
    private static final SdkEventLoopGroup NETTY_THREADS = SdkEventLoopGroup.builder()
            .numberOfThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .build();

    private S3Clients() {
    }

    static S3AsyncClient open(S3Location location) {
        var builder = S3AsyncClient.builder()
                .region(Region.of(location.region()))
                .credentialsProvider(credentials(location))
                .forcePathStyle(location.pathStyle())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // The store names every block by its SHA-256 and sends Content-MD5: the SDK's own
                // CRC trailers add nothing and many S3-compatible servers do not understand them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(NETTY_THREADS)
                        .maxConcurrency(location.transfers())
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .readTimeout(location.timeout())
                        .writeTimeout(location.timeout()))
                .overrideConfiguration(o -> o
                        .retryStrategy(retries(location.attempts()))
                        .apiCallAttemptTimeout(location.timeout()));
        if (location.endpoint() != null) {
            builder.endpointOverride(location.endpoint());
        }
        return builder.build();
    }

    /**
     * The SDK's standard strategy (5xx, throttling, time-outs, resets, with S3's own retryable
     * codes) with exponential backoff and full jitter, so that many clients failing together do
     * not retry together. Its circuit breaker is off: a block store must keep trying each request
     * its full number of attempts, not give up on all of them after a burst of errors.
     */
    private static RetryStrategy retries(int attempts) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(FIRST_RETRY_DELAY, LONGEST_RETRY_DELAY);
        return AwsRetryStrategy.configure(DefaultRetryStrategy.standardStrategyBuilder())
                .maxAttempts(attempts)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * The URI's keys, else the named profile, else the default chain (environment, ~/.aws, …);
     * the last two may block, so they answer off the event loop.
     */
    private static AwsCredentialsProvider credentials(S3Location location) {
        if (location.accessKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(location.accessKey(),
                    location.secretKey()));
        }
        if (location.profile() != null) {
            return new OffLoopCredentials(ProfileCredentialsProvider.create(location.profile()));
        }
        return new OffLoopCredentials(DefaultCredentialsProvider.builder().build());
    }
}
