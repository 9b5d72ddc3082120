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

/**
 * Offline text analytics for free-text answers and unsolicited feedback in English, Japanese and Simplified and
 * Traditional Chinese: detects the language, scores sentiment with hand-written lexicons (negation, degree words,
 * contrast clauses, and complaint and praise situations told without a sentiment word) and names the phrases that
 * drove it, finds known topics and extracts keywords. Construct it once: it loads the lexicons from the classpath
 * and tokenizes each entry (a few hundred milliseconds, most of it the Japanese and Chinese dictionaries). After that it is thread-safe, keeps one Lucene tokenizer per thread and
 * language, and downloads nothing. No framework: the consumer wraps it as it likes.
 */
public final class TextAnalyzer {

    /** Texts longer than this are analysed on their first this-many characters, to bound the cost of one event. */
    public static final int MAX_CHARS = 20_000;
    private static final int KEYWORDS = 5;

    private final ChineseScripts scripts;
    private final LanguageDetector detector;
    private final Map<Language, LanguageLexicon> lexicons = new EnumMap<>(Language.class);
    private final SentimentScorer scorer = new SentimentScorer();

    public TextAnalyzer() {
        scripts = new ChineseScripts();
        detector = new LanguageDetector(scripts);
        LanguageLexicon chinese = new LanguageLexicon("zh", new ChineseTextTokenizer(), false, "我觉得", "贵");
        lexicons.put(Language.ENGLISH, new LanguageLexicon("en", new EnglishTokenizer(), false, "I think ", " now"));
        lexicons.put(Language.JAPANESE, new LanguageLexicon("ja", new JapaneseTextTokenizer(), true, "それは", "。"));
        lexicons.put(Language.CHINESE_SIMPLIFIED, chinese);
        lexicons.put(Language.CHINESE_TRADITIONAL, chinese);
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
        SentimentScorer.Score score = scorer.score(bounded, tokens, lexicon, language.isChinese());
        return new TextAnalysis(language, score.value(), SentimentLabel.of(score.value()), score.evidence(),
                topics(bounded, tokens, lexicon), keywords(bounded, tokens, lexicon, language));
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
