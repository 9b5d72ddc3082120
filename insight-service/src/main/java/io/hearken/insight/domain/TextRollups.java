package io.hearken.insight.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What analysed texts add to the text rollups: each text once in its day and month, under every topic it mentions and
 * under {@link TextRollupKey#ALL_TEXTS}, for all texts of its origin and for its own slice; a response's texts also
 * count in the tenant's journey by touchpoint and stage. Like answers, texts only add up, so a replay gives the same.
 */
public final class TextRollups {

    private static final List<String> EVERY_SLICE = List.of(Slice.ALL, Slice.ALL, Slice.ALL, Slice.ALL, Slice.ALL);

    private TextRollups() {
    }

    /** The counters a response's free-text answers add to. */
    public static Map<TextRollupKey, TextCounts> countersOf(ResponseFacts response, ZoneId zone) {
        Map<TextRollupKey, TextCounts> counters = new LinkedHashMap<>();
        if (response.texts().isEmpty()) {
            return counters;
        }
        LocalDate day = LocalDate.ofInstant(response.submittedAt(), zone);
        List<String> own = ResponseRollups.dimensionValues(response.dimensions());
        List<String> journey = ResponseRollups.journeyValues(own);
        NpsScore.NpsGroup group = response.npsGroup();
        for (AnalysedText text : response.texts()) {
            TextCounts counts = TextCounts.of(text.analysis(), group);
            for (String topic : topicsOf(text)) {
                for (Grain grain : Grain.values()) {
                    LocalDate bucket = grain.bucketOf(day);
                    add(counters, new TextRollupKey(response.tenant(), TextRollupKey.SURVEY, response.surveyId(),
                            false, grain, bucket, text.questionId(), EVERY_SLICE, topic), counts);
                    add(counters, new TextRollupKey(response.tenant(), TextRollupKey.SURVEY, response.surveyId(),
                            true, grain, bucket, text.questionId(), own, topic), counts);
                    add(counters, new TextRollupKey(response.tenant(), TextRollupKey.JOURNEY, TextRollupKey.ANY,
                            true, grain, bucket, TextRollupKey.ANY, journey, topic), counts);
                }
            }
        }
        return counters;
    }

    /** The counters a piece of feedback adds to: its source is its channel, its language its locale. */
    public static Map<TextRollupKey, TextCounts> countersOf(FeedbackFacts feedback, ZoneId zone) {
        Map<TextRollupKey, TextCounts> counters = new LinkedHashMap<>();
        LocalDate day = LocalDate.ofInstant(feedback.postedAt(), zone);
        List<String> own = List.of(Slice.NONE, feedback.source(), Slice.NONE, Slice.NONE,
                feedback.language() == null ? Slice.NONE : feedback.language());
        TextCounts counts = TextCounts.of(feedback.text().analysis(), null);
        for (String topic : topicsOf(feedback.text())) {
            for (Grain grain : Grain.values()) {
                LocalDate bucket = grain.bucketOf(day);
                add(counters, new TextRollupKey(feedback.tenant(), TextRollupKey.FEEDBACK, TextRollupKey.ANY, false,
                        grain, bucket, TextRollupKey.ANY, EVERY_SLICE, topic), counts);
                add(counters, new TextRollupKey(feedback.tenant(), TextRollupKey.FEEDBACK, TextRollupKey.ANY, true,
                        grain, bucket, TextRollupKey.ANY, own, topic), counts);
            }
        }
        return counters;
    }

    private static Set<String> topicsOf(AnalysedText text) {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(TextRollupKey.ALL_TEXTS);
        text.analysis().topics().forEach(topic -> topics.add(topic.id()));
        return topics;
    }

    private static void add(Map<TextRollupKey, TextCounts> counters, TextRollupKey key, TextCounts counts) {
        counters.merge(key, counts, TextCounts::plus);
    }
}
