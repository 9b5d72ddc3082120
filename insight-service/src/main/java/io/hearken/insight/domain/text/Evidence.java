package io.hearken.insight.domain.text;

/**
 * One phrase that moved a text's sentiment, as it appears in the text (with its negator and degree word, e.g.
 * "not very helpful", "配送が非常に遅かった", "非常满意"), and what it added to the raw score before normalisation:
 * negative for blame, positive for praise, already scaled by negation, degree and its clause's weight.
 *
 * @param phrase       the words of the text that carry the sentiment
 * @param contribution the phrase's signed weight in the raw score
 */
public record Evidence(String phrase, double contribution) {
}
