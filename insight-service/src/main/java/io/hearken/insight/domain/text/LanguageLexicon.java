package io.hearken.insight.domain.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything the analyser knows about one language: its tokenizer, sentiment lexicon, modifiers, complaint and praise
 * situations, topic lexicon and stop words, loaded from {@code text/<kind>-<code>.tsv}, and the polarity classifier
 * learned from its labelled comments ({@code text/training-<code>.tsv}). Each entry is put through the
 * language's tokenizer once, here, so matching a text is a look-up on its tokens.
 */
final class LanguageLexicon {

    private final TextTokenizer tokenizer;
    private final PhraseTable<Double> sentiment = new PhraseTable<>();
    private final PhraseTable<Modifier> modifiers = new PhraseTable<>();
    private final PhraseTable<String> topics = new PhraseTable<>();
    private final SituationTable situations;
    private final LearnedPolarity learned;
    private final Set<String> stopWords = new HashSet<>();
    private final String code;
    private final UnaryOperator<String> script;
    private final int trainingSize;
    private final boolean negationFollows;
    private final String before;
    private final String after;

    /**
     * @param negationFollows whether negation comes after the word it negates (Japanese 良くない) instead of
     *                        before it (English "not good", Chinese 不好)
     * @param before          words that may start a sentence before an entry; see {@link #put}
     * @param after           a word that may follow an entry
     * @param script          what the analyser does to a text before tokenizing it (Traditional Chinese to
     *                        Simplified), done to the training comments too
     */
    LanguageLexicon(String code, TextTokenizer tokenizer, boolean negationFollows, String before,
                    String after, UnaryOperator<String> script) {
        this.code = code;
        this.script = script;
        this.tokenizer = tokenizer;
        this.negationFollows = negationFollows;
        this.before = before;
        this.after = after;
        for (String[] row : LexiconSource.rows("sentiment-" + code + ".tsv")) {
            put(sentiment, row[0], Double.parseDouble(row[1]));
        }
        for (String[] row : LexiconSource.rows("modifiers-" + code + ".tsv")) {
            put(modifiers, row[0], new Modifier(Modifier.Kind.valueOf(row[1]), Double.parseDouble(row[2])));
        }
        situations = new SituationTable(LexiconSource.rows("situations-" + code + ".tsv"),
                (table, phrase) -> put(table, phrase, Boolean.TRUE));
        for (String[] row : LexiconSource.rows("topics-" + code + ".tsv")) {
            put(topics, row[0], row[1]);
        }
        for (String word : LexiconSource.words("stopwords-" + code + ".txt")) {
            stopWords.add(word.toLowerCase(Locale.ROOT));
        }
        // The classifier learns from the lexicons' reading of each comment too, so it must come after them
        List<TrainingComment> comments = readTraining();
        trainingSize = comments.size();
        learned = LearnedPolarity.train(comments.stream().map(TrainingComment::example).toList());
    }

    /** One labelled comment the classifier learns from, as tokenized and read by the lexicons. */
    record TrainingComment(String text, LearnedPolarity.Example example) {
    }

    /**
     * Reads the language's labelled comments and reads each with the lexicons; at construction to learn, and again
     * only to cross-validate, so the service does not keep them once it has learned.
     */
    List<TrainingComment> readTraining() {
        SentimentScorer scorer = new SentimentScorer();
        List<TrainingComment> comments = new ArrayList<>();
        for (String[] row : LexiconSource.rows("training-" + code + ".tsv")) {
            String text = script.apply(row[2]);
            List<Token> tokens = tokenizer.tokenize(text);
            double lexical = scorer.score(text, tokens, this, "zh".equals(code)).value();
            comments.add(new TrainingComment(text, new LearnedPolarity.Example(tokens, lexical,
                    SentimentLabel.valueOf(row[0]))));
        }
        return comments;
    }

    /**
     * Puts an entry under its tokens alone and under its tokens between the context words: a segmenter may split a
     * phrase on its own differently from the same phrase in a sentence (kuromoji reads ありえない alone as
     * ある・える・ない, in a sentence as ありえる・ない; smartcn reads 有点 alone as 有・点, before an adjective as
     * 有点), and texts are sentences. A reading whose word boundaries cross the phrase's edges is not kept.
     */
    private <V> void put(PhraseTable<V> table, String phrase, V value) {
        table.put(tokenizer.tokenize(phrase), value);
        String[][] surroundings = {{before, ""}, {"", after}, {before, after}};
        for (String[] around : surroundings) {
            int from = around[0].length();
            int to = from + phrase.length();
            List<Token> inside = new ArrayList<>();
            boolean aligned = true;
            for (Token token : tokenizer.tokenize(around[0] + phrase + around[1])) {
                boolean within = token.start() >= from && token.end() <= to;
                boolean outside = token.end() <= from || token.start() >= to;
                if (within) {
                    inside.add(token);
                } else if (!outside) {
                    aligned = false;
                }
            }
            if (aligned) {
                table.put(inside, value);
            }
        }
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

    SituationTable situations() {
        return situations;
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

    /** The classifier learned from the language's labelled comments. */
    LearnedPolarity learned() {
        return learned;
    }

    int trainingSize() {
        return trainingSize;
    }

    int stopWordCount() {
        return stopWords.size();
    }
}
