package io.hearken.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one place where request bodies of every service are made strict: an unknown property is refused (a typo such
 * as {@code respondant} must not silently make a response anonymous), and every string must be storable
 * ({@link StorableText}). Both failures become 400 problem+json naming the field (see
 * {@code ProblemExceptionMappers}).
 *
 * <p>Events on the topics are read with their own tolerant reader ({@code EventRecords}), so a consumer still reads
 * an event that a newer producer extended.
 */
@Singleton
public class StrictRequestJson implements ObjectMapperCustomizer {

    /** Longest string accepted anywhere in a request, in UTF-8 bytes; fields may set a lower limit. */
    public static final int MAX_TEXT_BYTES = 32 * 1024;

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SimpleModule storableText = new SimpleModule("hearken-storable-text");
        storableText.addDeserializer(String.class, new StorableTextDeserializer(MAX_TEXT_BYTES));
        storableText.addKeyDeserializer(String.class, new StorableTextDeserializer.Keys(MAX_TEXT_BYTES));
        storableText.addKeyDeserializer(Object.class, new StorableTextDeserializer.Keys(MAX_TEXT_BYTES));
        objectMapper.registerModule(storableText);
    }
}
