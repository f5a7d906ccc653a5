package org.eventvfs.spi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options in a store URI's query ({@code ?fsync=false&region=eu-west-1}), each checked
 * against the names the store knows, so a misspelt one fails instead of meaning "the default".
 */
public record UriOptions(Map<String, String> values) {
    public UriOptions {
        values = Map.copyOf(values);
    }

    /**
     * Parses {@code query} (raw, as in the URI; null for none); {@code shown} names the URI in
     * messages, without any secret it holds.
     */
    public static UriOptions parse(String query, Set<String> known, String shown) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return new UriOptions(options);
        }
        for (String option : query.split("&")) {
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "' in " + shown + "; known: "
                        + known.stream().sorted().toList());
            }
            String value = equals < 0 ? "" : option.substring(equals + 1);
            options.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return new UriOptions(options);
    }

    /** The option's value, or {@code otherwise} if it is absent. */
    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The boolean option {@code name}, {@code otherwise} if it is absent. */
    public boolean flag(String name, boolean otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + name + " is true or false, not '" + value + "'");
        };
    }
}
