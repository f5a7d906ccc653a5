package org.eventvfs.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes objects on the event bus by reference. Events and commands stay on one node until the
 * clustered deployment gives them a wire format.
 */
final class LocalOnlyCodec<T> implements MessageCodec<T, T> {
    private final String name;

    LocalOnlyCodec(Class<T> type) {
        this.name = "local-" + type.getName();
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        throw new IllegalStateException(name + " messages are not sent across nodes");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new IllegalStateException(name + " messages are not sent across nodes");
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
