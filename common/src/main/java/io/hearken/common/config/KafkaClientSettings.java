package io.hearken.common.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The service's Kafka client settings for the clients it builds itself (consumers, the dead-letter producer, the
 * topic admin): every {@code kafka.*} property (bootstrap servers, security protocol, SASL, TLS), so they reach a
 * secured cluster exactly as the service's messaging channels do.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    public static Map<String, Object> fromConfig() {
        Map<String, Object> settings = new HashMap<>();
        Config source = ConfigProvider.getConfig();
        for (String name : source.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                source.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
            }
        }
        settings.putIfAbsent("bootstrap.servers", "localhost:9092");
        return settings;
    }
}
