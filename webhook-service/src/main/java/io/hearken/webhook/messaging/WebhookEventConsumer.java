package io.hearken.webhook.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.Topics;
import io.hearken.webhook.domain.WebhookMessage;
import io.hearken.webhook.repository.DeliveryRepository;
import io.hearken.webhook.service.Dispatcher;
import io.hearken.webhook.service.MessageWriter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the events partners may subscribe to into messages and schedules their deliveries, a batch per transaction
 * in the shared consumer loop (consumer and group {@code webhook-events}); the position moves on only once the
 * schedule is durable, so an event read but not yet scheduled when the process dies is read again, and makes the
 * same message (its id derives from the event), never a second one.
 */
@ApplicationScoped
public class WebhookEventConsumer implements EventHandler<List<WebhookMessage>> {

    static final String CONSUMER = "webhook-events";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final MessageWriter writer;
    private final Dispatcher dispatcher;
    private final EventConsumers consumers;

    public WebhookEventConsumer(DeliveryRepository deliveries, MessageWriter writer, Dispatcher dispatcher,
                                EventConsumers consumers) {
        this.deliveries = deliveries;
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES, Topics.FEEDBACK, Topics.ALERTS, Topics.PROFILES), this);
    }

    @Override
    public List<WebhookMessage> read(ConsumerRecord<byte[], byte[]> record) {
        List<PartnerEvent> events = PartnerEvents.of(record);
        if (events.isEmpty()) {
            return null;
        }
        List<WebhookMessage> messages = new ArrayList<>(events.size());
        for (PartnerEvent event : events) {
            Instant occurredAt = Objects.requireNonNullElseGet(event.occurredAt(),
                    () -> Instant.ofEpochMilli(record.timestamp()));
            messages.add(writer.message(event.tenant(), event.eventId(), event.type().wireName(), occurredAt,
                    event.data()));
        }
        return messages;
    }

    @Override
    public void apply(List<List<WebhookMessage>> events) {
        List<WebhookMessage> messages = new ArrayList<>();
        events.forEach(messages::addAll);
        int scheduled = deliveries.enqueue(messages).await().atMost(TRANSACTION_TIMEOUT);
        if (scheduled > 0) {
            dispatcher.wake();
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
