package org.eventvfs.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.VolumeEvent;

/**
 * The stored name and current schema version of every event type. A name is never reused and a
 * released version never changes meaning: a change adds a version and an upcaster from the old.
 */
final class EventTypes {
    static final int CURRENT_VERSION = 1;

    private static final Map<String, Class<? extends EventPayload>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Class<?> type : VolumeEvent.class.getPermittedSubclasses()) {
            register(type);
        }
        for (Class<?> type : AccountEvent.class.getPermittedSubclasses()) {
            register(type);
        }
    }

    private EventTypes() {
    }

    @SuppressWarnings("unchecked")
    private static void register(Class<?> type) {
        BY_NAME.put(type.getSimpleName(), (Class<? extends EventPayload>) type);
    }

    static String nameOf(EventPayload payload) {
        return payload.getClass().getSimpleName();
    }

    static Class<? extends EventPayload> classOf(String name) {
        Class<? extends EventPayload> type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type '" + name + "'; is this log from a newer eventvfs?");
        }
        return type;
    }

    static Class<? extends EventPayload> classOrNull(String name) {
        return BY_NAME.get(name);
    }

    static Iterable<String> names() {
        return BY_NAME.keySet();
    }
}
