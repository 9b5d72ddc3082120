package io.hearken.common.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads the data of a {@code hearken.response.submitted.v1} CloudEvent (binary mode: the record value). */
public class ResponseSubmittedDeserializer extends ObjectMapperDeserializer<ResponseSubmitted> {

    public ResponseSubmittedDeserializer() {
        super(ResponseSubmitted.class);
    }
}
