package io.hearken.common.consumer;

import io.hearken.common.config.KafkaClientSettings;
import io.hearken.common.topics.KafkaTopics;
import io.hearken.common.topics.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a service's event consumers, each on its own thread in the one loop every consumer shares
 * ({@link ConsumerLoop}): transient failures retried in order with capped backoff, permanent ones dead-lettered,
 * progress reported to readiness ({@link EventConsumersReadiness}) and metrics.
 *
 * <p>Each consumer also reads its redrive topic ({@link #redriveTopic}), where {@link DeadLetters} hands back dead
 * letters after a fix; they are applied by the same handler, idempotently.
 */
@ApplicationScoped
public class EventConsumers {

    /** Prefix of the per-consumer topics that redriven dead letters are handed back on. */
    public static final String REDRIVE_TOPIC_PREFIX = "hearken.redrive.";

    private final EventConsumersConfig config;
    private final MeterRegistry metrics;
    private final KafkaTopics topics;
    private final List<ConsumerLoop<?>> loops = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile DeadLetterPublisher deadLetters;

    public EventConsumers(EventConsumersConfig config, MeterRegistry metrics, KafkaTopics topics) {
        this.config = config;
        this.metrics = metrics;
        this.topics = topics;
    }

    /** The topic on which dead letters of {@code consumer} are handed back to it. */
    public static String redriveTopic(String consumer) {
        return REDRIVE_TOPIC_PREFIX + consumer;
    }

    /** Starts a consumer whose position is its group's committed offsets. */
    public <E> void start(String name, List<String> topics, EventHandler<E> handler) {
        start(name, topics, handler, ConsumerPositions.KAFKA_COMMITTED);
    }

    /**
     * Starts consumer {@code name} (also its consumer group) on {@code topics} and its redrive topic, unless
     * consumers are disabled in this instance.
     */
    public synchronized <E> void start(String name, List<String> topics, EventHandler<E> handler,
                                       ConsumerPositions positions) {
        if (!config.enabled()) {
            return;
        }
        List<String> subscribed = new ArrayList<>(topics);
        subscribed.add(redriveTopic(name));
        // The consumer writes these two topics, so it declares them (its input topics are their producers').
        this.topics.declare(new TopicSpec(config.deadLetterTopic(), config.deadLetterPartitions(),
                Optional.of(config.deadLetterRetention()), "delete"));
        this.topics.declare(new TopicSpec(redriveTopic(name), 1, Optional.of(config.redriveRetention()), "delete"));
        ConsumerLoop<E> loop = new ConsumerLoop<>(name, subscribed, new RedrivenRecords<>(handler), positions,
                config, KafkaClientSettings.fromConfig(), deadLetterPublisher(), metrics);
        Thread thread = new Thread(loop, "consumer-" + name);
        thread.setDaemon(true);
        loops.add(loop);
        threads.add(thread);
        thread.start();
    }

    /** Progress of every consumer started here. */
    public List<ConsumerStatus> statuses() {
        return loops.stream().map(loop -> loop.progress().status()).toList();
    }

    synchronized DeadLetterPublisher deadLetterPublisher() {
        if (deadLetters == null) {
            deadLetters = new DeadLetterPublisher(KafkaClientSettings.fromConfig(), config.deadLetterTopic(),
                    config.deadLetterTimeout());
        }
        return deadLetters;
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
            throws InterruptedException {
        for (int i = 0; i < loops.size(); i++) {
            loops.get(i).stop(threads.get(i));
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }
}
