package io.hearken.insight.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The journey map as data: per journey stage (and within it per touchpoint) the volume, the scores of every survey's
 * NPS, CSAT and CES answers, the texts' sentiment and top topics, and the weakest stage — the one with the lowest
 * score among those with enough answers to trust it ({@link ScoreEstimate#SMALL_SAMPLE}), judged by NPS where stages
 * have it, else by CSAT top-2-box, else by CES mean.
 */
public record JourneyReport(List<Stage> stages, Weakest weakest) {

    /** The scores that rank stages, in the order they are tried. */
    private static final List<String> RANKING_SCORES = List.of("nps", "csatTopTwoBox", "cesMean");

    /** A stage ({@code ""} for answers without one), its touchpoints and everything about it together. */
    public record Stage(String journeyStage, Place overall, List<Place> touchpoints) {
    }

    /** What was said at one place of the journey: a stage overall or one of its touchpoints. */
    public record Place(String touchpoint, long responses, List<QuestionScores> scores, TopicReport texts) {
    }

    /** The weakest stage, the score it was judged by and its value. */
    public record Weakest(String journeyStage, String score, ScoreEstimate estimate) {
    }

    /** A place's answers per score type and value, and its texts' counts per topic. */
    public record Counts(Map<Question, Map<String, Long>> answers, Map<String, TextCounts> texts) {

        public static Counts empty() {
            return new Counts(new TreeMap<>(Comparator.comparing(Question::type)
                    .thenComparingInt(Question::scaleMin).thenComparingInt(Question::scaleMax)),
                    new LinkedHashMap<>());
        }

        public void addAnswers(Question question, String value, long answers) {
            this.answers.computeIfAbsent(question, key -> new LinkedHashMap<>()).merge(value, answers, Long::sum);
        }

        public void addTexts(String topic, TextCounts counts) {
            texts.merge(topic, counts, TextCounts::plus);
        }
    }

    /** The report from the counts of each (stage, touchpoint), top {@code topicLimit} topics per place. */
    public static JourneyReport of(Map<String, Map<String, Counts>> byStageAndTouchpoint, int topicLimit) {
        List<Stage> stages = new ArrayList<>();
        new TreeMap<>(byStageAndTouchpoint).forEach((stage, touchpoints) -> {
            Counts overall = Counts.empty();
            List<Place> places = new ArrayList<>();
            new TreeMap<>(touchpoints).forEach((touchpoint, counts) -> {
                counts.answers().forEach((question, values) -> values.forEach((value, answers) ->
                        overall.addAnswers(question, value, answers)));
                counts.texts().forEach(overall::addTexts);
                places.add(place(touchpoint, counts, topicLimit));
            });
            stages.add(new Stage(stage, place(null, overall, topicLimit), places));
        });
        return new JourneyReport(stages, weakest(stages).orElse(null));
    }

    private static Place place(String touchpoint, Counts counts, int topicLimit) {
        List<QuestionScores> scores = new ArrayList<>();
        counts.answers().forEach((question, values) -> scores.add(QuestionScores.of(question, values)));
        long responses = scores.stream().mapToLong(QuestionScores::count).max().orElse(0);
        return new Place(touchpoint, responses, scores, TopicReport.of(counts.texts(), topicLimit));
    }

    private static Optional<Weakest> weakest(List<Stage> stages) {
        for (String score : RANKING_SCORES) {
            Optional<Weakest> weakest = stages.stream()
                    .flatMap(stage -> stage.overall().scores().stream()
                            .filter(scores -> scores.scores().containsKey(score))
                            .map(scores -> new Weakest(stage.journeyStage(), score, scores.scores().get(score))))
                    .filter(candidate -> !candidate.estimate().smallSample())
                    .min(Comparator.comparingDouble(candidate -> candidate.estimate().value()));
            if (weakest.isPresent()) {
                return weakest;
            }
        }
        return Optional.empty();
    }
}
