package io.hearken.insight.domain.text;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polarity accuracy on the held-out half of the evaluation set: a correctness test, no timing in it. */
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
            assertTrue(result.accuracy("test") >= REQUIRED_ACCURACY,
                    language + ": test accuracy " + result.accuracy("test") + " below " + REQUIRED_ACCURACY);
        }
    }
}
