package io.hearken.insight.service;

import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.JourneyReport;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.domain.TextCounts;
import io.hearken.insight.domain.TextRollupKey;
import io.hearken.insight.domain.TopicReport;
import io.hearken.insight.repository.RollupRepository;
import io.hearken.insight.repository.TextRollupRepository;
import io.hearken.insight.repository.TextRollupRepository.TopicCount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what customers write about, from the text rollups: a survey's topics and their drivers, feedback's topics,
 * and the journey map (the answer rollups of every survey by stage and touchpoint, with their texts).
 */
@ApplicationScoped
public class TextInsightService {

    private final RollupRepository rollups;
    private final TextRollupRepository texts;

    public TextInsightService(RollupRepository rollups, TextRollupRepository texts) {
        this.rollups = rollups;
        this.texts = texts;
    }

    /** The topics of a survey's free-text answers (one question's, or all) over {@code range}; empty: no survey. */
    public Uni<Optional<TopicReport>> surveyTopics(String tenant, String surveyId, String questionId, Slice slice,
                                                   DateRange range, int limit) {
        return rollups.surveyExists(tenant, surveyId).chain(exists -> {
            if (!exists) {
                return Uni.createFrom().item(Optional.empty());
            }
            return texts.counts(tenant, TextRollupKey.SURVEY, surveyId, questionId, slice, range.buckets(), false)
                    .map(counts -> Optional.of(TopicReport.of(byTopic(counts), limit)));
        });
    }

    /** The topics of unsolicited feedback over {@code range}, in {@code slice} (channel: its source; locale). */
    public Uni<TopicReport> feedbackTopics(String tenant, Slice slice, DateRange range, int limit) {
        return texts.counts(tenant, TextRollupKey.FEEDBACK, TextRollupKey.ANY, null, slice, range.buckets(), false)
                .map(counts -> TopicReport.of(byTopic(counts), limit));
    }

    /** The journey map over {@code range}: every survey's answers and texts by journey stage and touchpoint. */
    public Uni<JourneyReport> journey(String tenant, DateRange range, int topicLimit) {
        return Uni.combine().all()
                .unis(rollups.journeyCounts(tenant, range.buckets()),
                        texts.counts(tenant, TextRollupKey.JOURNEY, TextRollupKey.ANY, null, Slice.EVERYTHING,
                                range.buckets(), true))
                .asTuple()
                .map(counts -> {
                    Map<String, Map<String, JourneyReport.Counts>> places = new LinkedHashMap<>();
                    counts.getItem1().forEach(answer -> place(places, answer.journeyStage(), answer.touchpoint())
                            .addAnswers(answer.question(), answer.value(), answer.answers()));
                    counts.getItem2().forEach(text -> place(places, text.journeyStage(), text.touchpoint())
                            .addTexts(text.topic(), text.counts()));
                    return JourneyReport.of(places, topicLimit);
                });
    }

    private static JourneyReport.Counts place(Map<String, Map<String, JourneyReport.Counts>> places, String stage,
                                              String touchpoint) {
        return places.computeIfAbsent(stage, key -> new LinkedHashMap<>())
                .computeIfAbsent(touchpoint, key -> JourneyReport.Counts.empty());
    }

    private static Map<String, TextCounts> byTopic(List<TopicCount> counts) {
        Map<String, TextCounts> byTopic = new LinkedHashMap<>();
        counts.forEach(count -> byTopic.merge(count.topic(), count.counts(), TextCounts::plus));
        return byTopic;
    }
}
