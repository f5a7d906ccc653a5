package org.eventvfs.storage.s3;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * A credentials provider whose answers the async client gets on a virtual thread. The async client
 * asks for credentials on the thread that makes the request, which for us is a Vert.x event loop,
 * and the providers of the default chain may block there: reading profile files, or asking the
 * instance or container metadata service over HTTP, with time-outs of seconds.
 */
final class OffLoopCredentials implements AwsCredentialsProvider {
    private static final ExecutorService RESOLVERS = Executors.newVirtualThreadPerTaskExecutor();

    private final AwsCredentialsProvider provider;

    OffLoopCredentials(AwsCredentialsProvider provider) {
        this.provider = provider;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return provider.resolveCredentials();
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        return CompletableFuture.supplyAsync(provider::resolveCredentials, RESOLVERS);
    }
}
