package org.onewindow.guide;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** Jackson module that reads {@link Labelled} enums by their label and names the allowed labels on error. */
final class LabelledEnums extends SimpleModule {

    LabelledEnums() {
        super("labelled-enums");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                return Labelled.class.isAssignableFrom(type) ? new LabelDeserializer(type) : null;
            }
        });
    }

    private static final class LabelDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        LabelDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            for (Object constant : type.getEnumConstants()) {
                if (((Labelled) constant).label().equals(text)) {
                    return constant;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Labelled) c).label())
                    .collect(Collectors.joining(", "));
            return ctxt.handleWeirdStringValue(type, text, "must be one of: " + allowed);
        }
    }
}
