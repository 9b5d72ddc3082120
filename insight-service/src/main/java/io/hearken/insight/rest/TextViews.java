package io.hearken.insight.rest;

import io.hearken.insight.domain.JourneyReport;
import io.hearken.insight.domain.QuestionScores;
import io.hearken.insight.domain.TopicReport;
import io.hearken.insight.domain.text.Evidence;
import io.hearken.insight.domain.text.TextAnalysis;
import io.hearken.insight.domain.text.Topic;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

import static io.hearken.insight.rest.ScoreViews.number;

/** What the text-analytics and journey endpoints answer, and the one mapping from the domain's results to it. */
final class TextViews {

    private TextViews() {
    }

    @Schema(description = "What texts are about: every text's sentiment together, the top topics, and the topics that "
            + "drive detractors (a two-proportion z-test of a topic's share of detractors' against promoters' texts)")
    record TopicsView(long texts, Double averageSentiment, Double negativeShare, Double positiveShare,
                      List<TopicView> topics, List<DriverView> detractorDrivers) {
    }

    @Schema(description = "A topic: its texts, % of all texts, mean sentiment (−1..1), % of its texts negative and "
            + "positive")
    record TopicView(String topic, long texts, Double share, Double averageSentiment, Double negativeShare,
                     Double positiveShare) {
    }

    @Schema(description = "A topic mentioned by a larger share of detractors' texts than of promoters', beyond "
            + "chance (z > 1.96)")
    record DriverView(String topic, long detractorTexts, Double detractorShare, long promoterTexts,
                      Double promoterShare, Double z) {
    }

    @Schema(description = "The journey map: per stage (and its touchpoints) volume, scores, sentiment and topics; "
            + "the weakest stage is the lowest score among stages with 30 answers or more")
    record JourneyView(String timeZone, ScoreViews.PeriodView period, List<StageView> stages, WeakestView weakest) {
    }

    record StageView(String journeyStage, PlaceView overall, List<PlaceView> touchpoints) {
    }

    record PlaceView(String touchpoint, long responses, List<ScoreTypeView> scores, TopicsView texts) {
    }

    record ScoreTypeView(String type, int scaleMin, int scaleMax, long count, List<ScoreViews.ScoreView> scores) {
    }

    record WeakestView(String journeyStage, String score, Double value, Double marginOfError, long count) {
    }

    @Schema(description = "What a text says: its language (BCP-47), sentiment −1..1 and label, the phrases that "
            + "drove the sentiment with their contributions, the topics with the phrases that named them, keywords")
    record AnalysisView(String language, double sentiment, String label, List<EvidenceView> evidence,
                        List<TopicPhrasesView> topics, List<String> keywords) {
    }

    record EvidenceView(String phrase, double contribution) {
    }

    record TopicPhrasesView(String topic, List<String> phrases) {
    }

    static TopicsView of(TopicReport report) {
        long texts = report.all().texts();
        return new TopicsView(texts, number(report.all().averageSentiment()),
                number(texts == 0 ? Double.NaN : 100.0 * report.all().negative() / texts),
                number(texts == 0 ? Double.NaN : 100.0 * report.all().positive() / texts),
                report.topics().stream().map(line -> new TopicView(line.topic(), line.texts(), number(line.share()),
                        number(line.averageSentiment()), number(line.negativeShare()),
                        number(line.positiveShare()))).toList(),
                report.drivers().stream().map(driver -> new DriverView(driver.topic(), driver.detractorTexts(),
                        number(driver.detractorShare()), driver.promoterTexts(), number(driver.promoterShare()),
                        number(driver.z()))).toList());
    }

    static JourneyView of(JourneyReport report, String timeZone, ScoreViews.PeriodView period) {
        List<StageView> stages = report.stages().stream()
                .map(stage -> new StageView(stage.journeyStage(), place(stage.overall()),
                        stage.touchpoints().stream().map(TextViews::place).toList()))
                .toList();
        JourneyReport.Weakest weakest = report.weakest();
        return new JourneyView(timeZone, period, stages, weakest == null ? null : new WeakestView(
                weakest.journeyStage(), weakest.score(), number(weakest.estimate().value()),
                number(weakest.estimate().marginOfError()), weakest.estimate().count()));
    }

    private static PlaceView place(JourneyReport.Place place) {
        return new PlaceView(place.touchpoint(), place.responses(),
                place.scores().stream().map(TextViews::scoreType).toList(), of(place.texts()));
    }

    private static ScoreTypeView scoreType(QuestionScores scores) {
        return new ScoreTypeView(scores.question().type(), scores.question().scaleMin(), scores.question().scaleMax(),
                scores.count(), ScoreViews.estimates(scores));
    }

    static AnalysisView of(TextAnalysis analysis) {
        return new AnalysisView(analysis.language().tag(), analysis.sentiment(), analysis.label().name(),
                analysis.sentimentEvidence().stream().map(TextViews::evidence).toList(),
                analysis.topics().stream().map(TextViews::topic).toList(), analysis.keywords());
    }

    private static EvidenceView evidence(Evidence evidence) {
        return new EvidenceView(evidence.phrase(), evidence.contribution());
    }

    private static TopicPhrasesView topic(Topic topic) {
        return new TopicPhrasesView(topic.id(), topic.phrases());
    }
}
