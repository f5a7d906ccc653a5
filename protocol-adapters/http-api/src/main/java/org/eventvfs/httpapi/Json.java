package org.eventvfs.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;

/** The API's JSON: the audit records as Jackson writes them, the same shapes {@code vfs log --json} prints. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static Buffer encode(Object body) throws JsonProcessingException {
        return Buffer.buffer(MAPPER.writeValueAsBytes(body));
    }
}
