package io.hearken.insight.domain;

import io.hearken.insight.domain.text.SentimentLabel;
import io.hearken.insight.domain.text.TextAnalysis;

/**
 * What texts add up to in one counter: how many, their summed sentiment in thousandths (an integer, so a replay in
 * other batches sums to exactly the same), how many were negative, neutral and positive, and how many came from
 * detractors, passives and promoters (responses with an NPS answer; feedback has none).
 */
public record TextCounts(long texts, long sentimentMilli, long negative, long neutral, long positive,
                         long detractors, long passives, long promoters) {

    public static final TextCounts NONE = new TextCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** One text, from a respondent in {@code group} (null when the response had no NPS answer). */
    public static TextCounts of(TextAnalysis analysis, NpsScore.NpsGroup group) {
        return new TextCounts(1, Math.round(analysis.sentiment() * 1000),
                analysis.label() == SentimentLabel.NEGATIVE ? 1 : 0,
                analysis.label() == SentimentLabel.NEUTRAL ? 1 : 0,
                analysis.label() == SentimentLabel.POSITIVE ? 1 : 0,
                group == NpsScore.NpsGroup.DETRACTOR ? 1 : 0, group == NpsScore.NpsGroup.PASSIVE ? 1 : 0,
                group == NpsScore.NpsGroup.PROMOTER ? 1 : 0);
    }

    public TextCounts plus(TextCounts other) {
        return new TextCounts(texts + other.texts, sentimentMilli + other.sentimentMilli, negative + other.negative,
                neutral + other.neutral, positive + other.positive, detractors + other.detractors,
                passives + other.passives, promoters + other.promoters);
    }

    /** The mean sentiment, −1..1; NaN without texts. */
    public double averageSentiment() {
        return texts == 0 ? Double.NaN : sentimentMilli / 1000.0 / texts;
    }
}
