package io.hearken.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One step of {@code ./hearken bench scaling} (docs/scaling.md; issue 19, "Past one machine"): how fast one service's
 * consumer groups on {@code hearken.responses} work through {@code --events} response events while each group has
 * {@code --members} replicas reading. The launcher starts the replicas and stops the other consumers of the topic;
 * this waits until every group has that many members holding partitions, appends
 * the events (a scored response with a comment, from one of {@code --customers} verified customers of a tenant of its
 * own, so every consumer does its full work: the projector stores it, insight-service counts and analyses it and
 * follows the customer's churn risk, profile-service keeps it on the customer's timeline), and times from the first
 * append until each group has committed past all of them. A group still working through events appended while it was
 * stopped (another service's turn) counts them too, as {@link ProjectorBench} counts its backlog: what it commits
 * over the time measured. The service's figure is its slowest group's. The ceiling of the same run: the same records
 * read from the broker with no work.
 *
 * <p>The last line is tab-separated for the launcher's summary: {@code RESULT label members events/s ceiling}.
 *
 * <p>Options: {@code --kafka HOST:PORT --groups G1,G2 --members M --events N --customers C --label L --wait S}.
 */
public final class ScalingBench {

    private static final Set<String> OPTIONS = Set.of("kafka", "groups", "members", "events", "customers", "label",
            "wait");

    private ScalingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, OPTIONS);
        String kafka = options.getOrDefault("kafka", "localhost:9092");
        List<String> groups = Arrays.asList(options.getOrDefault("groups", "survey-projector").split(","));
        int members = Integer.parseInt(options.getOrDefault("members", "1"));
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20000"));
        int wait = Integer.parseInt(options.getOrDefault("wait", "180"));
        String label = options.getOrDefault("label", String.join(",", groups));
        if (members < 1 || events < 1 || customers < 1) {
            throw new IllegalArgumentException("--members, --events and --customers must be at least 1");
        }
        // A tenant of its own: every run creates as many new profiles as the one before it.
        String tenant = "bench-scaling-" + Long.toString(System.currentTimeMillis(), 36);

        try (ConsumerLag lag = new ConsumerLag(kafka, BenchKafka.RESPONSES)) {
            System.out.printf("  %s: %d partitions for %d replica(s)%n", BenchKafka.RESPONSES,
                    lag.partitions().size(), members);
            awaitMembers(lag, groups, members, wait);
            Map<TopicPartition, Long> start = lag.endOffsets();
            Map<String, Long> backlog = new LinkedHashMap<>();
            for (String group : groups) {
                backlog.put(group, ConsumerLag.lag(start, lag.committed(group)));
            }
            long began = System.nanoTime();
            append(kafka, tenant, events, customers);
            System.out.printf("  appended %,d responses of %,d customers in %.1f s%n", events, customers,
                    (System.nanoTime() - began) / 1e9);
            Map<TopicPartition, Long> target = lag.endOffsets();
            Map<String, Double> finished = lag.awaitCommitted(groups, target, began, 20);
            double ceiling = BenchKafka.bareRead(kafka, start, events);

            double slowest = Double.POSITIVE_INFINITY;
            for (String group : groups) {
                Double seconds = finished.get(group);
                if (seconds == null) {
                    System.out.printf("  %-18s did not commit them all within 20 minutes%n", group);
                    slowest = 0;
                } else {
                    long consumed = events + backlog.get(group);
                    System.out.printf("  %-18s %,d events in %.1f s: %,.0f events/s%s%n", group, consumed, seconds,
                            consumed / seconds, backlog.get(group) > 0
                                    ? " (%,d of them from before)".formatted(backlog.get(group)) : "");
                    slowest = Math.min(slowest, consumed / seconds);
                }
            }
            double rate = slowest;
            boolean replicaLeft = false;
            for (String group : groups) {
                replicaLeft |= !lag.membership(group).settledWith(members);
            }
            System.out.printf("%s with %d replica(s): %,.0f events/s (its slowest group), ceiling %,.0f records/s "
                    + "(%.0f %%)%s%n", label, members, rate, ceiling, 100 * rate / ceiling,
                    replicaLeft ? "; a group was not settled with them all at the end: a replica left meanwhile?" : "");
            System.out.printf("RESULT\t%s\t%d\t%.0f\t%.0f%n", label, members, rate, ceiling);
        }
        System.exit(0);
    }

    /**
     * Waits (at most {@code seconds}) until every group is stable with {@code members} members holding partitions of
     * the topic: a run then measures the replicas, not a rebalance.
     */
    private static void awaitMembers(ConsumerLag lag, List<String> groups, int members, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            List<String> waitingFor = new ArrayList<>();
            for (String group : groups) {
                ConsumerLag.Membership membership = lag.membership(group);
                if (!membership.settledWith(members)) {
                    waitingFor.add("%s (%s; %d replicas)".formatted(group, membership, members));
                }
            }
            if (waitingFor.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + seconds + " s: " + waitingFor);
            }
            System.out.println("  waiting for " + String.join(", ", waitingFor));
            Thread.sleep(1_000);
        }
    }

    private static void append(String kafka, String tenant, int events, int customers) throws Exception {
        Random random = new Random(19);
        try (KafkaProducer<String, String> producer = BenchKafka.producer(kafka, 5)) {
            List<Future<?>> sent = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                sent.add(producer.send(BenchKafka.scoredResponse(tenant, "bench-scaling", random.nextInt(11), random,
                        "S-" + (1 + random.nextInt(customers)))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }
}
