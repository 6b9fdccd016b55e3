package io.bosang.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each distinct value of a few immutable, much-repeated types ({@link io.bosang.law.Source}, a parameter value)
 * once and then copies its bytes: a Kakao record repeats the same dozen sources and parameter values, which were half of
 * the JSON writing time. The copy is rendered by the plain mapper, the very configuration that would have written it
 * in place, so a line is byte-for-byte what it was without this module ({@code RenderedOnceProperties}). The copy has
 * no indentation of its own: register it only on single-line writers (as {@link Json} does), never under a pretty
 * printer.
 */
final class RenderedOnce extends SimpleModule {
    /** Past this many distinct values (what-if runs make new parameter values), values are rendered each time. */
    static final int MAX_CACHED = 4096;

    @SuppressWarnings("unchecked")
    RenderedOnce(ObjectMapper plain, Class<?>... types) {
        super("bosang-rendered-once");
        for (Class<?> type : types) addSerializer((Class<Object>) type, new Cached(plain));
    }

    private static final class Cached extends JsonSerializer<Object> {
        private final ObjectMapper plain;
        private final ConcurrentHashMap<Object, SerializableString> rendered = new ConcurrentHashMap<>();

        Cached(ObjectMapper plain) {
            this.plain = plain;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            SerializableString json = rendered.get(value);
            if (json == null) {
                json = new SerializedString(plain.writeValueAsString(value));
                if (rendered.size() < MAX_CACHED) rendered.putIfAbsent(value, json);
            }
            gen.writeRawValue(json);
        }
    }
}
