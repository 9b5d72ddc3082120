package io.hearken.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The lag of consumer groups on one topic, read from the broker with the admin client as an operator would: each
 * group's committed offsets against the partitions' end offsets, summed over the partitions. It needs nothing from
 * the services, so it reads the same way whichever of them runs. (survey-service's projector resumes from positions
 * it keeps in MongoDB, and commits the same positions to its group for exactly this view.)
 */
final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String topic;
    private List<TopicPartition> partitions;

    ConsumerLag(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        this.admin = Admin.create(properties);
        this.topic = topic;
    }

    /** The topic's partitions (asked once: the services declare them and never change them while running). */
    List<TopicPartition> partitions() throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions == null) {
            List<TopicPartition> found = new ArrayList<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic)
                    .partitions().forEach(partition -> found.add(new TopicPartition(topic, partition.partition())));
            partitions = found;
        }
        return partitions;
    }

    /** Each partition's end offset (the next offset to be written). */
    Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = admin.listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        answers.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** A group's committed offsets on the topic; partitions it never committed are absent. */
    Map<TopicPartition, Long> committed(String group) throws ExecutionException, InterruptedException,
            TimeoutException {
        return committed(List.of(group)).getOrDefault(group, Map.of());
    }

    /**
     * The consumer groups that committed offsets on the topic, with {@code named} first (in their order, whether or
     * not they committed any yet), then any other group found, by name.
     */
    List<String> groups(Collection<String> named) throws ExecutionException, InterruptedException, TimeoutException {
        List<String> all = new ArrayList<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            all.add(group.groupId());
        }
        List<String> groups = new ArrayList<>(named);
        TreeSet<String> others = new TreeSet<>();
        committed(all).forEach((group, offsets) -> {
            if (!offsets.isEmpty() && !named.contains(group)) {
                others.add(group);
            }
        });
        groups.addAll(others);
        return groups;
    }

    /**
     * Each group's lag in records: the end offsets minus its committed offsets, summed over the partitions (a
     * partition it never committed counts from 0, where its consumer would start); -1 for a group with no committed
     * offset on the topic at all.
     */
    Map<String, Long> lagByGroup(List<String> groups) throws ExecutionException, InterruptedException,
            TimeoutException {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Map<TopicPartition, Long>> committed = committed(groups);
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, Long> offsets = committed.getOrDefault(group, Map.of());
            lags.put(group, offsets.isEmpty() ? -1 : lag(ends, offsets));
        }
        return lags;
    }

    /**
     * The group's state, its members, and how many of them hold at least one of the topic's partitions (a replica
     * that joined but got nothing of this topic to read does not count as reading).
     */
    Membership membership(String group) throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group);
        if (description == null) {
            return new Membership(GroupState.UNKNOWN, 0, 0);
        }
        int reading = (int) description.members().stream()
                .filter(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> partition.topic().equals(topic)))
                .count();
        return new Membership(description.groupState(), description.members().size(), reading);
    }

    /** A consumer group's state and members, as {@link #membership} reads them. */
    record Membership(GroupState state, int members, int reading) {

        /** Stable, with exactly {@code replicas} members, each reading the topic. */
        boolean settledWith(int replicas) {
            return state == GroupState.STABLE && members == replicas && reading == replicas;
        }

        @Override
        public String toString() {
            return "%s, %d members, %d reading".formatted(state, members, reading);
        }
    }

    /**
     * Waits until each group has committed up to {@code target}, reading every 100 ms and printing what is left every
     * 5 s; returns the seconds from {@code began} (a {@link System#nanoTime()}) at which each group got there. A group
     * still short of it after {@code limitMinutes} is absent from the answer.
     */
    Map<String, Double> awaitCommitted(List<String> groups, Map<TopicPartition, Long> target, long began,
                                       int limitMinutes) throws Exception {
        Map<String, Double> finished = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(limitMinutes);
        long lastReport = System.nanoTime();
        while (finished.size() < groups.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long left = 0;
            for (String group : groups) {
                if (finished.containsKey(group)) {
                    continue;
                }
                long behind = lag(target, committed(group));
                if (behind == 0) {
                    finished.put(group, (System.nanoTime() - began) / 1e9);
                }
                left += behind;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                lastReport = System.nanoTime();
                System.out.printf("  %,d left to commit after %.0f s%n", left, (lastReport - began) / 1e9);
            }
        }
        return finished;
    }

    static long lag(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
        }
        return lag;
    }

    private Map<String, Map<TopicPartition, Long>> committed(Collection<String> groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (groups.isEmpty()) {
            return Map.of();
        }
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(partitions());
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach(group -> specs.put(group, spec));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> answers = admin.listConsumerGroupOffsets(specs).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        answers.forEach((group, offsets) -> {
            Map<TopicPartition, Long> byPartition = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    byPartition.put(partition, offset.offset());
                }
            });
            committed.put(group, byPartition);
        });
        return committed;
    }

    @Override
    public void close() {
        admin.close();
    }
}
