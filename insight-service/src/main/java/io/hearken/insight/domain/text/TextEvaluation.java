package io.hearken.insight.domain.text;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the analyser on the hand-labelled evaluation set (one TSV per language: split, expected label,
 * expected topic, text; insight-service/src/test/resources/text-eval): polarity accuracy and a confusion matrix per
 * language for the dev half (the one lexicons were tuned on), the held-out test half, the fresh rows (written
 * after the lexicons, harder, held out) and the fresh2 rows (written after the situation lexicons, held out),
 * language detection without a hint, whether the expected topic was found, and the mean time per text after
 * warm-up. Run by {@code ./hearken eval text}; {@code --errors} also lists the dev rows it gets wrong (never a
 * held-out row, so tuning cannot look at them); {@code --cross-validate} instead cross-validates the learned
 * classifier on its training comments and reads no evaluation row.
 */
public final class TextEvaluation {

    /** The evaluation files, one per language, named by the language's tag. */
    public static final List<Language> LANGUAGES = List.of(Language.ENGLISH, Language.JAPANESE,
            Language.CHINESE_SIMPLIFIED, Language.CHINESE_TRADITIONAL);
    private static final Path DEFAULT_DIRECTORY = Path.of("insight-service/src/test/resources/text-eval");
    private static final int TIMING_ROUNDS = 200;
    private static final int CROSS_VALIDATION_FOLDS = 5;
    private static final List<String> SPLITS = List.of("test", "fresh", "fresh2", "dev");
    /** The splits no lexicon entry, situation or setting was tuned on. */
    static final List<String> HELD_OUT = List.of("test", "fresh", "fresh2");

    private TextEvaluation() {
    }

    /**
     * One labelled comment.
     *
     * @param split    "dev", "test", "fresh" or "fresh2"
     * @param expected the polarity a reader gives it
     * @param topic    the topic a reader files it under, empty when none
     * @param text     the comment
     */
    public record Row(String split, SentimentLabel expected, String topic, String text) {
    }

    /**
     * One language's figures.
     *
     * @param language        the language of the file
     * @param confusions      per split, {@code [expected][predicted]} counts by {@link SentimentLabel} ordinal
     * @param detectedCorrect rows whose language was detected right without a hint
     * @param topicCorrect    rows with an expected topic among the topics found
     * @param topicRows       rows with an expected topic
     * @param rows            all rows
     */
    public record LanguageResult(Language language, Map<String, int[][]> confusions, int detectedCorrect,
                                 int topicCorrect, int topicRows, int rows) {

        /** The share of a split's rows labelled as expected; 0 for a split with no rows. */
        public double accuracy(String split) {
            int all = count(split);
            return all == 0 ? 0.0 : (double) right(split) / all;
        }

        /** The share of all held-out rows (every split but dev) labelled as expected. */
        public double heldOutAccuracy() {
            int all = heldOutCount();
            return all == 0 ? 0.0 : (double) HELD_OUT.stream().mapToInt(this::right).sum() / all;
        }

        /** A split's rows labelled as expected: the confusion matrix's diagonal. */
        private int right(String split) {
            int[][] confusion = confusion(split);
            int right = 0;
            for (int label = 0; label < confusion.length; label++) {
                right += confusion[label][label];
            }
            return right;
        }

        public int heldOutCount() {
            return HELD_OUT.stream().mapToInt(this::count).sum();
        }

        public int count(String split) {
            int all = 0;
            for (int[] row : confusion(split)) {
                for (int cell : row) {
                    all += cell;
                }
            }
            return all;
        }

        public int[][] confusion(String split) {
            int labels = SentimentLabel.values().length;
            return confusions.getOrDefault(split, new int[labels][labels]);
        }
    }

    public static List<Row> read(Path file) {
        try {
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("split\t")) {
                    continue;
                }
                String[] fields = line.split("\t", 4);
                rows.add(new Row(fields[0], SentimentLabel.valueOf(fields[1]), fields[2], fields[3]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Evaluates one language's file; the sentiment runs with the file's language as hint, as a survey gives it. */
    public static LanguageResult evaluate(TextAnalyzer analyzer, Language language, List<Row> rows,
                                          PrintStream devErrors) {
        int labels = SentimentLabel.values().length;
        Map<String, int[][]> confusions = new LinkedHashMap<>();
        int detected = 0;
        int topicCorrect = 0;
        int topicRows = 0;
        for (Row row : rows) {
            if (analyzer.analyze(row.text(), null).language() == language) {
                detected++;
            }
            TextAnalysis analysis = analyzer.analyze(row.text(), language.tag());
            boolean isDev = "dev".equals(row.split());
            confusions.computeIfAbsent(row.split(), split -> new int[labels][labels])
                    [row.expected().ordinal()][analysis.label().ordinal()]++;
            if (!row.topic().isEmpty()) {
                topicRows++;
                if (analysis.topics().stream().anyMatch(topic -> topic.id().equals(row.topic()))) {
                    topicCorrect++;
                } else if (isDev && devErrors != null) {
                    devErrors.printf("  dev topic miss: expected %s, got %s | %s%n", row.topic(), analysis.topics(),
                            row.text());
                }
            }
            if (isDev && devErrors != null && analysis.label() != row.expected()) {
                devErrors.printf("  dev miss: expected %s, got %s (%.3f) %s | %s%n", row.expected(), analysis.label(),
                        analysis.sentiment(), analysis.sentimentEvidence(), row.text());
            }
        }
        return new LanguageResult(language, confusions, detected, topicCorrect, topicRows, rows.size());
    }

    /** Mean microseconds per analysis over all files' texts, after a warm-up of the same work. */
    public static double microsPerText(TextAnalyzer analyzer, List<Row> rows, List<String> hints) {
        for (int round = 0; round < TIMING_ROUNDS; round++) {
            for (int i = 0; i < rows.size(); i++) {
                analyzer.analyze(rows.get(i).text(), hints.get(i));
            }
        }
        long started = System.nanoTime();
        for (int round = 0; round < TIMING_ROUNDS; round++) {
            for (int i = 0; i < rows.size(); i++) {
                analyzer.analyze(rows.get(i).text(), hints.get(i));
            }
        }
        return (System.nanoTime() - started) / 1000.0 / TIMING_ROUNDS / rows.size();
    }

    public static void main(String[] args) {
        boolean errors = false;
        boolean crossValidate = false;
        Path directory = DEFAULT_DIRECTORY;
        for (String arg : args) {
            if ("--errors".equals(arg)) {
                errors = true;
            } else if ("--cross-validate".equals(arg)) {
                crossValidate = true;
            } else {
                directory = Path.of(arg);
            }
        }
        long loading = System.nanoTime();
        TextAnalyzer analyzer = new TextAnalyzer();
        PrintStream out = System.out;
        out.printf("Lexicons loaded in %d ms: %s%n%n", (System.nanoTime() - loading) / 1_000_000,
                analyzer.lexiconSizes());
        if (crossValidate) {
            crossValidate(analyzer, out);
            return;
        }
        out.println("| language | rows | dev accuracy | test accuracy | fresh accuracy | fresh2 accuracy "
                + "| held out (test, fresh, fresh2) | detection (no hint) | topic found |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        List<LanguageResult> results = new ArrayList<>();
        List<Row> allRows = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (Language language : LANGUAGES) {
            List<Row> rows = read(directory.resolve(language.tag() + ".tsv"));
            LanguageResult result = evaluate(analyzer, language, rows, errors ? System.err : null);
            results.add(result);
            allRows.addAll(rows);
            rows.forEach(row -> hints.add(language.tag()));
            out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n", language.tag(),
                    result.rows(), accuracy(result, "dev"), accuracy(result, "test"), accuracy(result, "fresh"),
                    accuracy(result, "fresh2"), percent(result.heldOutAccuracy()) + " (" + result.heldOutCount() + ")",
                    percent((double) result.detectedCorrect() / result.rows()),
                    percent((double) result.topicCorrect() / Math.max(1, result.topicRows())));
        }
        for (LanguageResult result : results) {
            for (String split : SPLITS) {
                out.printf("%n%s, %s rows (expected down, predicted across)%n", result.language().tag(), split);
                printConfusion(out, result.confusion(split));
            }
        }
        out.printf(Locale.ROOT, "%nMean analysis time: %.1f µs per text (%d texts × %d rounds after as many to warm up,"
                + " one thread)%n", microsPerText(analyzer, allRows, hints), allRows.size(), TIMING_ROUNDS);
    }

    /**
     * Five-fold cross-validation on the training comments alone (no evaluation row is read): the accuracy of the
     * lexicons with the learned classifier at each confidence, of the lexicons alone and of the classifier alone.
     */
    private static void crossValidate(TextAnalyzer analyzer, PrintStream out) {
        double[] confidences = {0.34, 0.5, 0.6, 0.7, 0.8, 0.9};
        StringBuilder header = new StringBuilder("| training comments |");
        StringBuilder rule = new StringBuilder("|---|");
        for (double confidence : confidences) {
            header.append(String.format(Locale.ROOT, " with learned ≥ %.2f |", confidence));
            rule.append("---|");
        }
        out.println(header.append(" lexicons alone | learned alone |"));
        out.println(rule.append("---|---|"));
        for (Language language : List.of(Language.ENGLISH, Language.JAPANESE, Language.CHINESE_SIMPLIFIED)) {
            double[] accuracy = analyzer.crossValidate(language, CROSS_VALIDATION_FOLDS, confidences);
            StringBuilder line = new StringBuilder("| " + (language.isChinese() ? "zh" : language.tag()) + " |");
            for (double share : accuracy) {
                line.append(' ').append(percent(share)).append(" |");
            }
            out.println(line);
        }
    }

    private static void printConfusion(PrintStream out, int[][] confusion) {
        SentimentLabel[] labels = SentimentLabel.values();
        out.printf("  %-9s %9s %9s %9s%n", "", labels[0], labels[1], labels[2]);
        for (SentimentLabel expected : labels) {
            int[] row = confusion[expected.ordinal()];
            out.printf("  %-9s %9d %9d %9d%n", expected, row[0], row[1], row[2]);
        }
    }

    private static String accuracy(LanguageResult result, String split) {
        return percent(result.accuracy(split)) + " (" + result.count(split) + ")";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100.0);
    }
}
