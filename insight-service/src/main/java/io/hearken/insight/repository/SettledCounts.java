package io.hearken.insight.repository;

import io.hearken.insight.config.InsightConfig;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.repository.RollupRepository.BucketCount;
import io.hearken.insight.repository.RollupRepository.Grouping;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the settled buckets of a query sum to ({@link io.hearken.insight.domain.SettledBuckets}), kept per survey
 * revision: an entry is used only while its survey's settled revision is the one it was read under, so a late event
 * that adds to a settled bucket (and changes the revision in its transaction) is seen by the next query. Bounded by
 * the number of counts held, least recently used first out. One per instance: each replica keeps its own, and all of
 * them compare with the revision in PostgreSQL.
 */
@ApplicationScoped
public class SettledCounts {

    private final long maxCounts;
    private final LinkedHashMap<Key, Kept> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long countsHeld;

    public SettledCounts(InsightConfig config) {
        this.maxCounts = config.scores().settledCountsKept();
    }

    /** Whether anything is kept at all ({@code hearken.insight.scores.settled-counts-kept} above 0). */
    public boolean enabled() {
        return maxCounts > 0;
    }

    /** The counts kept for {@code key} read under {@code revision}, or null. */
    public synchronized List<BucketCount> get(Key key, long revision) {
        Kept kept = entries.get(key);
        return kept == null || kept.revision != revision ? null : kept.counts;
    }

    /** Keeps {@code counts}, read under {@code revision}, making room by dropping the least recently used. */
    public synchronized void put(Key key, long revision, List<BucketCount> counts) {
        if (counts.size() > maxCounts) {
            return;
        }
        Kept replaced = entries.put(key, new Kept(revision, List.copyOf(counts)));
        countsHeld += counts.size() - (replaced == null ? 0 : replaced.counts.size());
        var oldest = entries.entrySet().iterator();
        while (countsHeld > maxCounts && oldest.hasNext()) {
            Map.Entry<Key, Kept> entry = oldest.next();
            countsHeld -= entry.getValue().counts.size();
            oldest.remove();
        }
    }

    /** How many counts are kept for one survey's queries (for tests). */
    synchronized long countsKeptFor(String tenant, String surveyId) {
        return entries.entrySet().stream()
                .filter(entry -> entry.getKey().tenant().equals(tenant) && entry.getKey().surveyId().equals(surveyId))
                .mapToLong(entry -> entry.getValue().counts.size()).sum();
    }

    /** One query's settled part: whose, which question (null: all), which slice, which buckets, how summed. */
    public record Key(String tenant, String surveyId, String questionId, Slice slice,
                      List<DateRange.BucketSpan> spans, Grouping grouping) {
    }

    private record Kept(long revision, List<BucketCount> counts) {
    }
}
