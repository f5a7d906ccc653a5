package org.eventvfs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eventvfs.Retention;

/**
 * The configuration file. Every key is known here, or belongs to a protocol's section; anything
 * else is refused by name, so a misspelt key never silently means "use the default".
 */
final class YamlConfig {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String KNOWN_KEYS = Stream.concat(
            Stream.of("data", "events", "blobs", "bind", "retention", "history", "log"),
            Arrays.stream(Protocol.values()).map(Protocol::key)).collect(Collectors.joining(", "));

    private final String file;
    private final Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Map<String, Object>> settings = new EnumMap<>(Protocol.class);
    private Retention retention;
    private String historyFolder;
    private String logLevel;

    private YamlConfig(Path file) {
        this.file = file.toString();
    }

    static ConfigLayer read(Path file) {
        return new YamlConfig(file).layer(parse(file));
    }

    private static JsonNode parse(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such configuration file");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConfigException(file + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private ConfigLayer layer(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ConfigLayer.EMPTY;
        }
        if (!root.isObject()) {
            throw new ConfigException(file + ": expected keys (" + KNOWN_KEYS + ") at the top level");
        }
        String data = null;
        String events = null;
        String blobs = null;
        String bind = null;
        for (Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "data" -> data = scalar(key, value);
                case "events" -> events = scalar(key, value);
                case "blobs" -> blobs = scalar(key, value);
                case "bind" -> bind = scalar(key, value);
                case "retention" -> retention(value);
                case "history" -> history(value);
                case "log" -> log(value);
                default -> section(Protocol.byKey(key).orElseThrow(() -> new ConfigException(
                        file + ": unknown key '" + key + "'; the known keys are " + KNOWN_KEYS)), value);
            }
        }
        return new ConfigLayer(
                data == null ? null : ConfigValues.path(where("data"), data),
                events == null ? null : ConfigValues.storeUri(where("events"), events),
                blobs == null ? null : ConfigValues.storeUri(where("blobs"), blobs),
                bind == null ? null : ConfigValues.bind(where("bind"), bind),
                ports, settings, retention, historyFolder, logLevel);
    }

    /** {@code retention:} with its one key, {@code keepDays}. */
    private void retention(JsonNode value) {
        JsonNode days = onlyKey("retention", "keepDays", value);
        if (days != null) {
            retention = ConfigValues.keepDays(where("retention.keepDays"), scalar("retention.keepDays", days));
        }
    }

    /** {@code history:} with its one key, {@code folder}; null or empty turns the folder off. */
    private void history(JsonNode value) {
        JsonNode folder = onlyKey("history", "folder", value);
        if (folder != null) {
            historyFolder = ConfigValues.historyFolder(where("history.folder"),
                    folder.isNull() ? "" : scalar("history.folder", folder));
        }
    }

    /** {@code log:} with its one key, {@code level}. */
    private void log(JsonNode value) {
        JsonNode level = onlyKey("log", "level", value);
        if (level != null) {
            logLevel = ConfigValues.logLevel(where("log.level"), scalar("log.level", level));
        }
    }

    /** The value of {@code key} in a section that may hold only that key; null if it is absent. */
    private JsonNode onlyKey(String section, String key, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ConfigException(where(section) + ": expected the key '" + key + "', not a single value");
        }
        for (Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getKey().equals(key)) {
                throw new ConfigException(where(section) + ": unknown key '" + entry.getKey()
                        + "'; the known key is " + key);
            }
        }
        return value.get(key);
    }

    /** A protocol's section: {@code port} is the server's, every other key is the adapter's to check. */
    private void section(Protocol protocol, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            throw new ConfigException(where(protocol.key()) + ": expected keys such as 'port', not a single value");
        }
        ObjectNode adapterSettings = ((ObjectNode) value).deepCopy();
        JsonNode port = adapterSettings.remove("port");
        if (port != null) {
            ports.put(protocol, port(protocol.key() + ".port", port));
        }
        settings.put(protocol, MAPPER.convertValue(adapterSettings, new TypeReference<Map<String, Object>>() {
        }));
    }

    private int port(String key, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return ConfigValues.port(where(key), value.intValue());
        }
        if (value.isTextual() || value.isNumber()) {
            return ConfigValues.port(where(key), value.asText());
        }
        throw new ConfigException(where(key) + ": expected a port number (0 to 65535)");
    }

    private String scalar(String key, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new ConfigException(where(key) + ": expected a single value");
        }
        return value.asText();
    }

    private String where(String key) {
        return file + ": " + key;
    }
}
