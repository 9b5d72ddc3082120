package io.hearken.insight.domain.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the analyser knows about one language: its tokenizer, sentiment lexicon, modifiers, topic lexicon and
 * stop words, loaded from {@code text/<kind>-<code>.tsv}. Each entry is put through the language's tokenizer once,
 * here, so matching a text is a look-up on its tokens.
 */
final class LanguageLexicon {

    private final TextTokenizer tokenizer;
    private final PhraseTable<Double> sentiment = new PhraseTable<>();
    private final PhraseTable<Modifier> modifiers = new PhraseTable<>();
    private final PhraseTable<String> topics = new PhraseTable<>();
    private final Set<String> stopWords = new HashSet<>();
    private final boolean negationFollows;
    private final String context;

    /**
     * @param negationFollows whether negation comes after the word it negates (Japanese 良くない) instead of
     *                        before it (English "not good", Chinese 不好)
     * @param context         a few words that start a sentence; see {@link #put}
     */
    LanguageLexicon(String code, TextTokenizer tokenizer, boolean negationFollows, String context) {
        this.tokenizer = tokenizer;
        this.negationFollows = negationFollows;
        this.context = context;
        for (String[] row : LexiconSource.rows("sentiment-" + code + ".tsv")) {
            put(sentiment, row[0], Double.parseDouble(row[1]));
        }
        for (String[] row : LexiconSource.rows("modifiers-" + code + ".tsv")) {
            put(modifiers, row[0], new Modifier(Modifier.Kind.valueOf(row[1]), Double.parseDouble(row[2])));
        }
        for (String[] row : LexiconSource.rows("topics-" + code + ".tsv")) {
            put(topics, row[0], row[1]);
        }
        for (String word : LexiconSource.words("stopwords-" + code + ".txt")) {
            stopWords.add(word.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Puts an entry under its tokens alone and under its tokens after the context words: a segmenter may split a
     * phrase on its own differently from the same phrase in a sentence (kuromoji reads ありえない alone as
     * ある・える・ない, in a sentence as ありえる・ない), and texts are sentences.
     */
    private <V> void put(PhraseTable<V> table, String phrase, V value) {
        table.put(tokenizer.tokenize(phrase), value);
        List<Token> inContext = new ArrayList<>();
        for (Token token : tokenizer.tokenize(context + phrase)) {
            if (token.start() >= context.length()) {
                inContext.add(token);
            }
        }
        table.put(inContext, value);
    }

    TextTokenizer tokenizer() {
        return tokenizer;
    }

    PhraseTable<Double> sentiment() {
        return sentiment;
    }

    PhraseTable<Modifier> modifiers() {
        return modifiers;
    }

    PhraseTable<String> topics() {
        return topics;
    }

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    boolean negationFollows() {
        return negationFollows;
    }

    int stopWordCount() {
        return stopWords.size();
    }
}
