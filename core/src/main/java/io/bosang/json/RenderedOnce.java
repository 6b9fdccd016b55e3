package io.bosang.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each distinct value of a few immutable, much-repeated types ({@link io.bosang.law.Source}, a parameter value)
 * once and then copies its bytes: a Kakao record repeats the same dozen sources and parameter values, which were half of
 * the JSON writing time. The copy is rendered by the plain mapper, the very configuration that would have written it
 * in place, so a line is byte-for-byte what it was without this module ({@code RenderedOnceProperties}). Only for
 * single-line writers: under a pretty printer the value is written in place, indented as its context wants.
 */
final class RenderedOnce extends SimpleModule {
    /** Past this many distinct values (what-if runs make new parameter values), values are written in place. */
    static final int MAX_CACHED = 4096;

    RenderedOnce(ObjectMapper plain, Set<Class<?>> types) {
        super("bosang-rendered-once");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                      JsonSerializer<?> serializer) {
                return types.contains(bean.getBeanClass()) ? new Cached(plain, serializer) : serializer;
            }
        });
    }

    private static final class Cached extends JsonSerializer<Object> {
        private final ObjectMapper plain;
        @SuppressWarnings("rawtypes")
        private final JsonSerializer inPlace;
        private final ConcurrentHashMap<Object, SerializableString> rendered = new ConcurrentHashMap<>();

        Cached(ObjectMapper plain, JsonSerializer<?> inPlace) {
            this.plain = plain;
            this.inPlace = inPlace;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen.getPrettyPrinter() != null) {
                inPlace.serialize(value, gen, provider);
                return;
            }
            SerializableString json = rendered.get(value);
            if (json == null) {
                json = new SerializedString(plain.writeValueAsString(value));
                if (rendered.size() < MAX_CACHED) rendered.putIfAbsent(value, json);
            }
            gen.writeRawValue(json);
        }
    }
}
