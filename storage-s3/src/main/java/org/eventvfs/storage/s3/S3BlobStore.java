package org.eventvfs.storage.s3;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.eventvfs.spi.StoredBlock;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blocks as objects {@code <prefix>/<sha-256 hex>} in one bucket. A put hashes the block on a
 * worker and uploads it only if no object has its name (see {@link #put}); a read of part of a
 * block is a ranged GET. Every request waits for one of {@link S3Location#transfers()} slots and
 * is retried by the SDK (see {@link S3Clients}); what still fails reaches the caller as
 * {@link VfsException.Unavailable}, so an upload fails before any event names its blocks.
 */
final class S3BlobStore implements BlobStore {
    /** A block stored longer ago than this is refreshed when put again (see {@link BlobStore#REFRESH_SLACK}). */
    private static final Duration REFRESH_AFTER = REFRESH_SLACK.dividedBy(2);
    private static final int LIST_PAGE = 1000;
    /** Blocks smaller than this are put conditionally, larger ones after a HEAD (see {@link #put}). */
    static final int CONDITIONAL_PUT_BELOW = 1 << 20;

    private final Vertx vertx;
    private final S3AsyncClient client;
    private final S3Location location;
    private final TransferSlots slots;
    private volatile boolean closed;

    S3BlobStore(Vertx vertx, S3AsyncClient client, S3Location location) {
        this.vertx = vertx;
        this.client = client;
        this.location = location;
        this.slots = new TransferSlots(location.transfers());
    }

    /** Checks that the bucket answers, so a wrong name or key fails the start, not the first upload. */
    Future<S3BlobStore> checkBucket() {
        return call("reach bucket " + location.bucket(), () -> client.headBucket(b -> b.bucket(location.bucket())))
                .map(found -> this);
    }

    @Override
    public Future<Boolean> contains(Sha256 hash) {
        return head(hash).map(found -> found != null);
    }

    /**
     * A small block is sent at once, on the condition that no object has its name (If-None-Match:
     * *): one request where a HEAD first takes two, and a refusal costs little. A large block is
     * looked up first, since sending 4 MiB to have them refused costs more than a HEAD (measured in
     * docs/s3.md). A service that ignores the condition overwrites the block with the same bytes,
     * which is harmless. A block found stored is refreshed if it is old.
     */
    @Override
    public Future<Sha256> put(Buffer block) {
        ByteBuffer bytes = ((BufferInternal) block).getByteBuf().nioBuffer();
        return vertx.executeBlocking(() -> Digests.of(bytes.duplicate()), false).compose(digests -> {
            Future<Void> stored = bytes.remaining() < CONDITIONAL_PUT_BELOW
                    ? upload(digests, bytes, true).recover(failure -> S3Errors.status(failure.getCause())
                            == S3Errors.PRECONDITION_FAILED ? storeOrRefresh(digests, bytes) : Future.failedFuture(failure))
                    : storeOrRefresh(digests, bytes);
            return stored.map(done -> digests.sha256());
        });
    }

    /** Uploads the block if it is missing, refreshes it if it is old, and leaves it be otherwise. */
    private Future<Void> storeOrRefresh(Digests digests, ByteBuffer bytes) {
        return head(digests.sha256()).compose(found -> {
            if (found == null) {
                return upload(digests, bytes, false);
            }
            return isRecent(found.lastModified()) ? Future.succeededFuture() : refresh(digests, bytes);
        });
    }

    @Override
    public Future<Buffer> get(Sha256 hash, long offset, int length) {
        if (offset < 0 || length < 0) {
            return Future.failedFuture(new IllegalArgumentException("no range " + offset + "+" + length));
        }
        if (length == 0) {
            return presentOrNotFound(hash);
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return call("read block " + hash, () -> client.getObject(r -> r.bucket(location.bucket())
                        .key(key(hash)).range(range), AsyncResponseTransformer.toBytes()))
                .map(bytes -> (Buffer) BufferInternal.buffer(Unpooled.wrappedBuffer(bytes.asByteArrayUnsafe())))
                .recover(failure -> failure instanceof VfsException.Unavailable
                        && S3Errors.status(failure.getCause()) == S3Errors.RANGE_NOT_SATISFIABLE
                        ? presentOrNotFound(hash) : Future.failedFuture(failure));
    }

    @Override
    public Future<Void> delete(Sha256 hash) {
        return call("delete block " + hash, () -> client.deleteObject(r -> r.bucket(location.bucket())
                .key(key(hash)))).mapEmpty();
    }

    @Override
    public Future<List<StoredBlock>> list() {
        List<StoredBlock> blocks = new ArrayList<>();
        return listFrom(null, (name, object) -> blocks.add(new StoredBlock(Sha256.parse(name), object.lastModified())))
                .map(done -> blocks);
    }

    /** The listing {@link #list()} makes (ListObjectsV2, 1,000 keys a request), keeping only a count and a sum. */
    @Override
    public Future<BlobUsage> usage() {
        long[] blocksAndBytes = new long[2];
        return listFrom(null, (name, object) -> {
            blocksAndBytes[0]++;
            blocksAndBytes[1] += object.size();
        }).map(done -> new BlobUsage(blocksAndBytes[0], blocksAndBytes[1]));
    }

    @Override
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        // Closing shuts the SDK's Netty threads down and waits for them: not on an event loop.
        return vertx.executeBlocking(() -> {
            client.close();
            return null;
        });
    }

    /** The object's metadata, or null if the block is not stored. */
    private Future<HeadObjectResponse> head(Sha256 hash) {
        return call("look up block " + hash, () -> client.headObject(r -> r.bucket(location.bucket()).key(key(hash))))
                .recover(failure -> failure instanceof VfsException.NotFound
                        ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    /** A GET past the end of a block answers nothing if the block exists, as a file would. */
    private Future<Buffer> presentOrNotFound(Sha256 hash) {
        return contains(hash).compose(found -> found ? Future.succeededFuture(Buffer.buffer())
                : Future.failedFuture(new VfsException.NotFound("block " + hash + " is not stored")));
    }

    /** Content-MD5 makes the service refuse a body damaged on the way instead of storing it. */
    private Future<Void> upload(Digests digests, ByteBuffer bytes, boolean unlessStored) {
        return call("store block " + digests.sha256(), () -> client.putObject(r -> r.bucket(location.bucket())
                        .key(key(digests.sha256())).contentLength((long) bytes.remaining())
                        .contentMD5(digests.md5Base64()).ifNoneMatch(unlessStored ? "*" : null),
                AsyncRequestBody.fromByteBufferUnsafe(bytes.duplicate()))).mapEmpty();
    }

    /**
     * Makes an old block's time now, so the garbage collector's grace counts from this put: a copy
     * of the object onto itself, which moves no data. A service that refuses it gets the bytes again.
     */
    private Future<Void> refresh(Digests digests, ByteBuffer bytes) {
        String key = key(digests.sha256());
        return call("refresh block " + digests.sha256(), () -> client.copyObject(r -> r
                .sourceBucket(location.bucket()).sourceKey(key)
                .destinationBucket(location.bucket()).destinationKey(key)
                .metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("refreshed", Instant.now().toString()))))
                .<Void>mapEmpty()
                .recover(refused -> upload(digests, bytes, false));
    }

    private static boolean isRecent(Instant stored) {
        return stored != null && stored.isAfter(Instant.now().minus(REFRESH_AFTER));
    }

    /** Lists the blocks page after page, handing each to {@code blocks} with its name. */
    private Future<Void> listFrom(String token, BiConsumer<String, S3Object> blocks) {
        return call("list blocks", () -> client.listObjectsV2(r -> r.bucket(location.bucket())
                .prefix(location.keyPrefix()).maxKeys(LIST_PAGE).continuationToken(token)))
                .compose(page -> {
                    collect(page, blocks);
                    return Boolean.TRUE.equals(page.isTruncated())
                            ? listFrom(page.nextContinuationToken(), blocks)
                            : Future.succeededFuture();
                });
    }

    /** The page's blocks; other objects under the prefix are not ours and are left alone. */
    private void collect(ListObjectsV2Response page, BiConsumer<String, S3Object> blocks) {
        int start = location.keyPrefix().length();
        for (S3Object object : page.contents()) {
            String name = object.key().substring(start);
            if (name.length() == 64 && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                blocks.accept(name, object);
            }
        }
    }

    private String key(Sha256 hash) {
        return location.key(hash.hex());
    }

    /**
     * One request in a transfer slot, its outcome delivered on the caller's context (the SDK
     * completes on its own threads) and its failure mapped to the core's errors.
     */
    private <T> Future<T> call(String what, Supplier<CompletableFuture<T>> request) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the S3 blob store is closed"));
        }
        Context context = vertx.getOrCreateContext();
        return slots.run(() -> Future.fromCompletionStage(request.get(), context))
                .recover(failure -> Future.failedFuture(S3Errors.mapped(what, failure)));
    }

    /** The SHA-256 that names a block and the MD5 that S3 checks the body against. */
    private record Digests(Sha256 sha256, String md5Base64) {
        static Digests of(ByteBuffer bytes) throws NoSuchAlgorithmException {
            MessageDigest sha = Sha256.newDigest();
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            sha.update(bytes.duplicate());
            md5.update(bytes);
            return new Digests(Sha256.of(sha.digest()), Base64.getEncoder().encodeToString(md5.digest()));
        }
    }
}
