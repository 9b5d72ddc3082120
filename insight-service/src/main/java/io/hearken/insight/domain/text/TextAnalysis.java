package io.hearken.insight.domain.text;

import java.util.List;

/**
 * What the analyser found in one text: its language, sentiment and the evidence for it, the known topics it
 * mentions and its keywords (content words after stop-word removal, so a complaint about something no topic
 * lexicon names still says what it is about).
 *
 * @param language          the detected language, {@link Language#UNDETERMINED} when not one the analyser reads
 * @param sentiment         the normalised score, -1 (negative) .. 1 (positive)
 * @param label             the score's class ({@link SentimentLabel#THRESHOLD})
 * @param sentimentEvidence the phrases that made the score, in text order
 * @param topics            the topics mentioned, in order of first mention
 * @param keywords          up to five content words, most frequent first, then in text order
 */
public record TextAnalysis(Language language, double sentiment, SentimentLabel label, List<Evidence> sentimentEvidence,
                           List<Topic> topics, List<String> keywords) {

    public TextAnalysis {
        sentimentEvidence = List.copyOf(sentimentEvidence);
        topics = List.copyOf(topics);
        keywords = List.copyOf(keywords);
    }

    static TextAnalysis empty(Language language) {
        return new TextAnalysis(language, 0.0, SentimentLabel.NEUTRAL, List.of(), List.of(), List.of());
    }
}
