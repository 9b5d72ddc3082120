package io.hearken.common.topics;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.hearken.common.config.KafkaClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service declares and checks the ones that exist, with the Kafka admin client. Runs at
 * start-up and, while the broker cannot be reached or a topic is not right, again every few seconds in the
 * background, so a service started before its broker still declares its topics. {@link #problems()} feeds readiness.
 */
@ApplicationScoped
public class KafkaTopics {

    private static final long TIMEOUT_SECONDS = 10;
    private static final long RETRY_MILLIS = 5000;

    private final TopicsConfig config;
    private final Map<String, TopicSpec> declared = new ConcurrentHashMap<>();
    /** By topic: why it is not as declared, or "not checked yet"; empty once every topic is right. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** Counts declarations, so that the checker notices one made while it was checking the others. */
    private long declarations;
    private volatile Thread checker;
    private volatile boolean stopped;
    private Admin admin;

    public KafkaTopics(TopicsConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        config.declared().forEach((name, topic) ->
                declare(new TopicSpec(name, topic.partitions(), topic.retention(), topic.cleanupPolicy())));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        Thread running = checker;
        if (running != null) {
            running.interrupt();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    /**
     * Why the broker cannot be reached, or empty when it answers within {@code timeout}: readiness asks this with a
     * short bound, so a probe never hangs for the client's default minute.
     */
    public Optional<String> brokerProblem(Duration timeout) {
        try {
            int nodes = admin().describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? Optional.empty() : Optional.of("no broker in the cluster");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Optional.of("no answer within " + timeout.toMillis() + " ms: " + e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties());
        }
        return admin;
    }

    /** Declares a topic (the consumer loop declares its dead-letter and redrive topics here). */
    public void declare(TopicSpec spec) {
        if (!config.manage()) {
            return;
        }
        declared.put(spec.name(), spec);
        problems.put(spec.name(), "not checked yet");
        startChecker();
        synchronized (this) {
            declarations++;
            notifyAll();
        }
    }

    /** Topics that are not as declared, with why; empty when all are right. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    private synchronized void startChecker() {
        if (checker != null) {
            return;
        }
        checker = new Thread(this::checkUntilRight, "kafka-topics");
        checker.setDaemon(true);
        checker.start();
    }

    /** Whether the checker goes on; decided under the lock {@link #startChecker} takes, so no declaration is missed. */
    private synchronized boolean keepChecking() {
        if (stopped || problems.isEmpty()) {
            checker = null;
            return false;
        }
        return true;
    }

    private synchronized void stopChecking() {
        checker = null;
    }

    private void checkUntilRight() {
        while (keepChecking()) {
            long declaredBefore = declarationCount();
            try {
                for (TopicSpec spec : List.copyOf(declared.values())) {
                    if (problems.containsKey(spec.name())) {
                        ensure(admin(), spec);
                    }
                }
            } catch (RuntimeException e) {
                Log.warnf("Kafka topics cannot be checked yet: %s", e.toString());
            }
            if (!problems.isEmpty()) {
                try {
                    awaitRetryOrDeclaration(declaredBefore);
                } catch (InterruptedException e) {
                    stopChecking();
                    return;
                }
            }
        }
    }

    private synchronized long declarationCount() {
        return declarations;
    }

    /**
     * Waits out the retry interval, unless a topic was declared since the pass began: the consumer loop declares its
     * dead-letter and redrive topics while the first pass checks the configured ones, and waiting the interval for
     * them kept every service not ready for five seconds after each start.
     */
    private synchronized void awaitRetryOrDeclaration(long declaredBefore) throws InterruptedException {
        long deadline = System.currentTimeMillis() + RETRY_MILLIS;
        long left;
        while (declarations == declaredBefore && !stopped && (left = deadline - System.currentTimeMillis()) > 0) {
            wait(left);
        }
    }

    private void ensure(Admin admin, TopicSpec spec) {
        try {
            create(admin, spec);
            String mismatch = mismatch(admin, spec);
            if (mismatch == null) {
                problems.remove(spec.name());
            } else {
                problems.put(spec.name(), mismatch);
                Log.errorf("Topic %s exists but is not as declared: %s. Fix the topic or the declaration "
                        + "(hearken.topics.*); the service reports not ready meanwhile.", spec.name(), mismatch);
            }
        } catch (ExecutionException | TimeoutException e) {
            problems.put(spec.name(), "cannot be checked: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void create(Admin admin, TopicSpec spec) throws ExecutionException, InterruptedException,
            TimeoutException {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), config.replicationFactor())
                .configs(expectedConfigs(spec));
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Log.infof("Created topic %s (%d partitions, retention.ms %s, %s)", spec.name(), spec.partitions(),
                    spec.retentionMs(), spec.cleanupPolicy());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Map<String, String> expectedConfigs(TopicSpec spec) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, spec.retentionMs());
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.minInsyncReplicas()));
        return configs;
    }

    /** What differs between the topic on the broker and its declaration, or null. */
    private String mismatch(Admin admin, TopicSpec spec) throws ExecutionException, InterruptedException,
            TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(spec.name())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(spec.name());
        List<String> differences = new ArrayList<>();
        if (description.partitions().size() != spec.partitions()) {
            differences.add("partitions " + description.partitions().size() + ", declared " + spec.partitions());
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas != config.replicationFactor()) {
            differences.add("replication factor " + replicas + ", declared " + config.replicationFactor());
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config actual = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(resource);
        expectedConfigs(spec).forEach((key, expected) -> {
            if (key.equals(TopicConfig.RETENTION_MS_CONFIG) && spec.cleanupPolicy().equals("compact")) {
                return; // time retention does not apply to a compacted topic
            }
            ConfigEntry entry = actual.get(key);
            String value = entry == null ? null : entry.value();
            if (!expected.equals(value)) {
                differences.add(key + " " + value + ", declared " + expected);
            }
        });
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.putAll(KafkaClientSettings.fromConfig());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return properties;
    }
}
