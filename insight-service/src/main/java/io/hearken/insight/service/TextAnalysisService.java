package io.hearken.insight.service;

import io.hearken.insight.domain.text.TextAnalysis;
import io.hearken.insight.domain.text.TextAnalyzer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one text analyser of the service (domain.text.TextAnalyzer: offline, lexicons and tokenizer dictionaries
 * shipped in the build), loaded at start-up so that neither the first event nor the first request pays the second
 * it takes, and shared by the consumers and the API: it is thread-safe.
 */
@Startup
@ApplicationScoped
public class TextAnalysisService {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    /** What {@code text} says; {@code languageHint} (a BCP-47 tag or null) settles texts that could be either. */
    public TextAnalysis analyze(String text, String languageHint) {
        return analyzer.analyze(text, languageHint);
    }
}
