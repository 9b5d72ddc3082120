package io.hearken.insight.domain.text;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polarity accuracy on the held-out rows of the evaluation set (test, fresh and fresh2: nothing was tuned on them),
 * the target per language: a correctness test, no timing in it.
 */
class TextEvaluationTest {

    private static final Path EVALUATION_SET = Path.of("src/test/resources/text-eval");
    private static final double REQUIRED_ACCURACY = 0.85;

    @Test
    void heldOutAccuracyReachesTheTargetInEveryLanguage() {
        TextAnalyzer analyzer = new TextAnalyzer();
        for (Language language : TextEvaluation.LANGUAGES) {
            List<TextEvaluation.Row> rows = TextEvaluation.read(EVALUATION_SET.resolve(language.tag() + ".tsv"));
            assertTrue(rows.stream().filter(row -> "test".equals(row.split())).count() >= 30,
                    language + ": the test half holds at least 30 rows");
            TextEvaluation.LanguageResult result = TextEvaluation.evaluate(analyzer, language, rows, null);
            assertTrue(result.heldOutCount() >= 80, language + ": at least 80 held-out rows");
            assertTrue(result.heldOutAccuracy() >= REQUIRED_ACCURACY,
                    language + ": held-out accuracy " + result.heldOutAccuracy() + " below " + REQUIRED_ACCURACY);
        }
    }
}
