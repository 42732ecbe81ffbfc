package org.rabt.routes;

import tools.jackson.databind.json.JsonMapper;

/** The JSON writer for the hub's own answers (not the CPM, which has {@code CpmJson}). */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
