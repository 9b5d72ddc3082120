package io.hearken.insight.domain.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Offline text analytics for free-text answers and unsolicited feedback in English, Japanese and Simplified and
 * Traditional Chinese: detects the language, scores sentiment with hand-written lexicons (negation, degree words,
 * contrast clauses, and complaint and praise situations told without a sentiment word) and a classifier learned from
 * labelled comments where those find nothing polar ({@link LearnedPolarity}), names the phrases that drove it, finds
 * known topics and extracts keywords. Construct it once: it loads the lexicons from the classpath, tokenizes each
 * entry and learns from the training comments, the three languages side by side (about a second, most of it the
 * Japanese and Chinese dictionaries). After that it is thread-safe, keeps one Lucene tokenizer per thread and
 * language, and downloads nothing. No framework: the consumer wraps it as it likes.
 */
public final class TextAnalyzer {

    /** Texts longer than this are analysed on their first this-many characters, to bound the cost of one event. */
    public static final int MAX_CHARS = 20_000;
    private static final int KEYWORDS = 5;
    /**
     * The probability the learned classifier needs to give a polar label the lexicons did not. Chosen by five-fold
     * cross-validation on the training comments alone (TextEvaluation, {@code --cross-validate}), never on
     * evaluation rows.
     */
    static final double LEARNED_CONFIDENCE = 0.6;
    /** The strongest score a learned label gives: a lexicon's clear words count for more than a learned guess. */
    static final double LEARNED_MAX = 0.6;

    private final ChineseScripts scripts;
    private final LanguageDetector detector;
    private final Map<Language, LanguageLexicon> lexicons = new EnumMap<>(Language.class);
    private final SentimentScorer scorer = new SentimentScorer();

    public TextAnalyzer() {
        scripts = new ChineseScripts();
        detector = new LanguageDetector(scripts);
        // The three languages load independently (dictionaries, lexicons, learning from the training comments):
        // side by side they take as long as the slowest instead of the sum, where the cores are free.
        ExecutorService loaders = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "text-analyzer-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<LanguageLexicon> chinese = loaders.submit(() -> new LanguageLexicon("zh",
                    new ChineseTextTokenizer(), false, "我觉得", "贵", scripts::toSimplified));
            Future<LanguageLexicon> english = loaders.submit(() -> new LanguageLexicon("en", new EnglishTokenizer(),
                    false, "I think ", " now", UnaryOperator.identity()));
            Future<LanguageLexicon> japanese = loaders.submit(() -> new LanguageLexicon("ja",
                    new JapaneseTextTokenizer(), true, "それは", "。", UnaryOperator.identity()));
            lexicons.put(Language.ENGLISH, loaded(english));
            lexicons.put(Language.JAPANESE, loaded(japanese));
            lexicons.put(Language.CHINESE_SIMPLIFIED, loaded(chinese));
            lexicons.put(Language.CHINESE_TRADITIONAL, lexicons.get(Language.CHINESE_SIMPLIFIED));
        } finally {
            loaders.shutdownNow();
        }
    }

    private static LanguageLexicon loaded(Future<LanguageLexicon> loading) {
        try {
            return loading.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("loading a language failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the text analyser", interrupted);
        }
    }

    /**
     * Analyses one text.
     *
     * @param text         the customer's words; null, blank or without letters gives a neutral, empty analysis
     * @param languageHint a BCP-47 tag ("ja", "zh-TW", "en-GB") or null; used only where the characters leave the
     *                     language open
     */
    public TextAnalysis analyze(String text, String languageHint) {
        if (text == null || text.isBlank()) {
            return TextAnalysis.empty(Language.UNDETERMINED);
        }
        String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Language language = detector.detect(bounded, languageHint);
        LanguageLexicon lexicon = lexicons.get(language);
        if (lexicon == null) {
            return TextAnalysis.empty(language);
        }
        // Character-for-character conversion: token offsets still point into the customer's own text.
        String tokenized = language == Language.CHINESE_TRADITIONAL ? scripts.toSimplified(bounded) : bounded;
        List<Token> tokens = lexicon.tokenizer().tokenize(tokenized);
        SentimentScorer.Score lexical = scorer.score(bounded, tokens, lexicon, language.isChinese());
        SentimentScorer.Score score = withLearned(lexical, lexicon.learned().classify(tokens, lexical.value()),
                bounded, tokens, LEARNED_CONFIDENCE);
        return new TextAnalysis(language, score.value(), SentimentLabel.of(score.value()), score.evidence(),
                topics(bounded, tokens, lexicon), keywords(bounded, tokens, lexicon, language));
    }

    /**
     * The lexicons' reading, unless the learned classifier, which weighs that reading against the words it learned,
     * gives another polar label with at least {@code confidence}: it is then scored from
     * {@link SentimentLabel#THRESHOLD} at {@code confidence} up to {@value #LEARNED_MAX} at certainty, with the
     * classifier's cues as the evidence. A learned neutral never replaces a lexicon's polar reading, and where both
     * agree the lexicons' score and phrases stand: they say precisely which words did it.
     */
    static SentimentScorer.Score withLearned(SentimentScorer.Score lexical, LearnedPolarity.Verdict verdict,
                                             String text, List<Token> tokens, double confidence) {
        if (verdict.label() == SentimentLabel.of(lexical.value()) || verdict.probability() < confidence) {
            return lexical;
        }
        if (verdict.label() == SentimentLabel.NEUTRAL || verdict.cues().isEmpty()) {
            return lexical;
        }
        double sign = verdict.label() == SentimentLabel.POSITIVE ? 1.0 : -1.0;
        double magnitude = SentimentLabel.THRESHOLD + (LEARNED_MAX - SentimentLabel.THRESHOLD)
                * (verdict.probability() - confidence) / (1.0 - confidence);
        // The raw sum that normalises to this magnitude (SentimentScorer's s / sqrt(s² + alpha), inverted), shared
        // among the cues by weight, so the evidence adds up as a lexicon's does.
        double raw = magnitude * Math.sqrt(SentimentScorer.ALPHA / (1.0 - magnitude * magnitude));
        double weights = verdict.cues().stream().mapToDouble(LearnedPolarity.Cue::weight).sum();
        List<Evidence> evidence = new ArrayList<>(verdict.cues().size());
        List<LearnedPolarity.Cue> inTextOrder = verdict.cues().stream()
                .sorted(Comparator.comparingInt(LearnedPolarity.Cue::first)).toList();
        for (LearnedPolarity.Cue cue : inTextOrder) {
            evidence.add(new Evidence(text.substring(tokens.get(cue.first()).start(), tokens.get(cue.last()).end()),
                    Math.round(sign * raw * cue.weight() / weights * 1000.0) / 1000.0));
        }
        return new SentimentScorer.Score(Math.round(sign * magnitude * 1000.0) / 1000.0, evidence);
    }

    /**
     * Cross-validates the learned classifier together with the lexicons on the language's training comments: each
     * of {@code folds} parts is labelled by a classifier learned from the others. Returns, per confidence given,
     * the share labelled right; then the lexicons alone and the classifier alone. How {@link #LEARNED_CONFIDENCE}
     * was chosen, without looking at an evaluation row.
     */
    double[] crossValidate(Language language, int folds, double[] confidences) {
        LanguageLexicon lexicon = lexicons.get(language);
        List<LanguageLexicon.TrainingComment> comments = lexicon.readTraining();
        int[] right = new int[confidences.length + 2];
        for (int fold = 0; fold < folds; fold++) {
            List<LearnedPolarity.Example> learnFrom = new ArrayList<>();
            for (int i = 0; i < comments.size(); i++) {
                if (i % folds != fold) {
                    learnFrom.add(comments.get(i).example());
                }
            }
            LearnedPolarity learned = LearnedPolarity.train(learnFrom);
            for (int i = fold; i < comments.size(); i += folds) {
                LanguageLexicon.TrainingComment comment = comments.get(i);
                List<Token> tokens = comment.example().tokens();
                SentimentLabel expected = comment.example().label();
                SentimentScorer.Score lexical = scorer.score(comment.text(), tokens, lexicon, language.isChinese());
                LearnedPolarity.Verdict verdict = learned.classify(tokens, lexical.value());
                for (int c = 0; c < confidences.length; c++) {
                    SentimentScorer.Score combined = withLearned(lexical, verdict, comment.text(), tokens,
                            confidences[c]);
                    right[c] += SentimentLabel.of(combined.value()) == expected ? 1 : 0;
                }
                right[confidences.length] += SentimentLabel.of(lexical.value()) == expected ? 1 : 0;
                right[confidences.length + 1] += verdict.label() == expected ? 1 : 0;
            }
        }
        double[] accuracy = new double[right.length];
        for (int c = 0; c < right.length; c++) {
            accuracy[c] = (double) right[c] / comments.size();
        }
        return accuracy;
    }

    /** Sizes of the loaded lexicons, for the evaluation report and the service's start-up log. */
    public Map<String, Integer> lexiconSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("zh-variants", scripts.pairs());
        for (Map.Entry<Language, LanguageLexicon> entry : lexicons.entrySet()) {
            if (entry.getKey() == Language.CHINESE_TRADITIONAL) {
                continue;
            }
            String code = entry.getKey().isChinese() ? "zh" : entry.getKey().tag();
            LanguageLexicon lexicon = entry.getValue();
            sizes.put("sentiment-" + code, lexicon.sentiment().size());
            sizes.put("modifiers-" + code, lexicon.modifiers().size());
            sizes.put("situations-" + code, lexicon.situations().size());
            sizes.put("topics-" + code, lexicon.topics().size());
            sizes.put("stopwords-" + code, lexicon.stopWordCount());
            sizes.put("training-" + code, lexicon.trainingSize());
        }
        return sizes;
    }

    private static List<Topic> topics(String text, List<Token> tokens, LanguageLexicon lexicon) {
        Map<String, Set<String>> phrasesByTopic = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            PhraseTable.Match<String> match = lexicon.topics().longestAt(tokens, i);
            if (match == null) {
                i++;
                continue;
            }
            String phrase = text.substring(tokens.get(i).start(), tokens.get(i + match.length() - 1).end());
            phrasesByTopic.computeIfAbsent(match.value(), id -> new LinkedHashSet<>()).add(phrase);
            i += match.length();
        }
        List<Topic> topics = new ArrayList<>(phrasesByTopic.size());
        phrasesByTopic.forEach((id, phrases) -> topics.add(new Topic(id, List.copyOf(phrases))));
        return topics;
    }

    private static List<String> keywords(String text, List<Token> tokens, LanguageLexicon lexicon,
                                         Language language) {
        Map<String, Candidate> candidates = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.content()) {
                continue;
            }
            String surface = text.substring(token.start(), token.end());
            String shown = language == Language.ENGLISH ? surface.toLowerCase(Locale.ROOT) : surface;
            // Sentiment and modifier words say how, not what: they are evidence, not keywords.
            if (lexicon.isStopWord(token.key()) || lexicon.isStopWord(shown)
                    || lexicon.sentiment().get(token.key()) != null || lexicon.modifiers().get(token.key()) != null) {
                continue;
            }
            int position = i;
            candidates.computeIfAbsent(token.key(), key -> new Candidate(shown, position)).count++;
        }
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingInt((Candidate c) -> -c.count).thenComparingInt(c -> c.firstPosition));
        List<String> keywords = new ArrayList<>(KEYWORDS);
        for (int i = 0; i < ranked.size() && i < KEYWORDS; i++) {
            keywords.add(ranked.get(i).shown);
        }
        return keywords;
    }

    private static final class Candidate {
        private final String shown;
        private final int firstPosition;
        private int count;

        Candidate(String shown, int firstPosition) {
            this.shown = shown;
            this.firstPosition = firstPosition;
        }
    }
}
