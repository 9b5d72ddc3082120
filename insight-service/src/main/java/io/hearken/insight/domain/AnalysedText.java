package io.hearken.insight.domain;

import io.hearken.insight.domain.text.TextAnalysis;

/** A free-text answer (or a feedback item's text, question {@code *}) with what the text analyser found in it. */
public record AnalysedText(String questionId, TextAnalysis analysis) {
}
