package io.hearken.insight.domain.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a tokenized text with a language's lexicon. Each sentiment word or phrase, and each situation a customer
 * reports without one, adds its weight, multiplied by
 * <ul>
 *   <li>for a complaint or praise situation ({@link SituationTable}: "waited three weeks", 三回も電話した), the
 *       same rules as for a word, and {@value #IN_QUESTION} when its sentence is a question;</li>
 *   <li>a negator governing it: one of the {@value #PREFIX_WINDOW} words before it in its clause ("not very
 *       helpful", 不满意), or, in Japanese, one of the {@value #SUFFIX_WINDOW} words after it (良くない,
 *       満足していません); negation flips and damps (factor -0.8), since "not good" is milder than "bad";</li>
 *   <li>a degree word right before it ("very", とても, 非常);</li>
 *   <li>{@value #BEFORE_CONTRAST} when a contrast word ("but", けど, 但是) follows it in the text, and
 *       {@value #CONCESSION} inside a concession clause ("although", 虽然): the customer's point is the other
 *       clause.</li>
 * </ul>
 * The raw sum s becomes {@code s / sqrt(s² + }{@value #ALPHA}{@code )}, which keeps its sign, stays within -1..1
 * and saturates as praise or blame piles up, so a long rant does not need more weight to read as negative.
 */
final class SentimentScorer {

    static final double ALPHA = 4.0;
    static final int PREFIX_WINDOW = 3;
    static final int SUFFIX_WINDOW = 5;
    static final double BEFORE_CONTRAST = 0.5;
    static final double CONCESSION = 0.5;
    // Chinese fuses a negator into many words the segmenter keeps whole (不满, 没用): the rest is looked up.
    private static final String CHINESE_NEGATOR_PREFIXES = "不没无未别";
    private static final double FUSED_NEGATION = -0.8;
    /** A negator inside a situation's gap flips it as a negator flips a word ("would never buy again"). */
    static final double GAP_NEGATION = -0.8;
    /**
     * A situation asked about is not yet reported: "Has my refund been processed?" and "返金はまだですか？" ask,
     * "still no refund" complains. Sentiment words keep their weight in a question ("Why is it so slow?").
     */
    static final double IN_QUESTION = 0.3;
    private static final String SENTENCE_ENDS = ".!?\n\u3002\uFF01\uFF1F";
    private static final String CLAUSE_BREAKS = ".,!?;:()\n\r\u3002\u3001\uFF0C\uFF01\uFF1F\uFF1B\uFF1A\uFF08\uFF09"
            + "\u2026\u301C\uFF5E\u300C\u300D";

    Score score(String text, List<Token> tokens, LanguageLexicon lexicon, boolean chinese) {
        int count = tokens.size();
        int[] clause = clauses(text, tokens);
        List<Hit> hits = new ArrayList<>();
        int negatorStart = -1;
        int negatorEnd = -1;
        double negatorFactor = 1.0;
        int degreeStart = -1;
        int degreeEnd = -1;
        double degreeFactor = 1.0;
        int concessionClause = -1;
        int i = 0;
        while (i < count) {
            PhraseTable.Match<Double> word = lexicon.sentiment().longestAt(tokens, i);
            PhraseTable.Match<Modifier> modifier = lexicon.modifiers().longestAt(tokens, i);
            SituationTable.Match situation = lexicon.situations().longestAt(tokens, i, clause, lexicon);
            // A situation is the more specific reading of its words ("no refund" over "no", "hassle free" over
            // "hassle"), so it wins unless a word or modifier starting here spans more.
            boolean situational = situation != null
                    && situation.length() >= Math.max(word == null ? 0 : word.length(),
                    modifier == null ? 0 : modifier.length());
            if (!situational && modifier != null && isModifierHere(word, modifier, tokens, i, lexicon)) {
                int last = i + modifier.length() - 1;
                switch (modifier.value().kind()) {
                    case NEGATOR:
                        if (!lexicon.negationFollows()) {
                            negatorStart = i;
                            negatorEnd = last;
                            negatorFactor = modifier.value().factor();
                        }
                        break;
                    case DEGREE:
                        degreeStart = i;
                        degreeEnd = last;
                        degreeFactor = modifier.value().factor();
                        break;
                    case CONTRAST:
                        for (int h = 0; h < hits.size(); h++) {
                            hits.set(h, hits.get(h).scaled(BEFORE_CONTRAST));
                        }
                        break;
                    case CONCESSION:
                        concessionClause = clause[i];
                        break;
                    default:
                        throw new IllegalStateException("unknown modifier " + modifier.value().kind());
                }
                i = last + 1;
                continue;
            }
            double weight;
            int length;
            if (situational) {
                weight = situation.weight();
                length = situation.length();
                if (isQuestion(text, tokens.get(i + length - 1).end())) {
                    weight *= IN_QUESTION;
                }
            } else if (word != null) {
                weight = word.value();
                length = word.length();
            } else {
                Double fused = chinese ? fusedNegation(tokens.get(i).key(), lexicon) : null;
                if (fused == null) {
                    i++;
                    continue;
                }
                weight = fused;
                length = 1;
            }
            int start = tokens.get(i).start();
            int end = tokens.get(i + length - 1).end();
            if (degreeEnd >= 0 && i - degreeEnd <= 2 && clause[degreeEnd] == clause[i]) {
                weight *= degreeFactor;
                start = Math.min(start, tokens.get(degreeStart).start());
            }
            if (negatorEnd >= 0 && i - negatorEnd <= PREFIX_WINDOW && clause[negatorEnd] == clause[i]) {
                weight *= negatorFactor;
                start = Math.min(start, tokens.get(negatorStart).start());
            }
            int next = i + length;
            if (lexicon.negationFollows()) {
                for (int j = next; j < count && j < next + SUFFIX_WINDOW && clause[j] == clause[i]; j++) {
                    PhraseTable.Match<Modifier> after = lexicon.modifiers().longestAt(tokens, j);
                    if (after != null && after.value().kind() == Modifier.Kind.NEGATOR) {
                        weight *= after.value().factor();
                        next = j + after.length();
                        end = tokens.get(next - 1).end();
                        break;
                    }
                    // A noun or another sentiment word between them: the negation belongs to something else
                    // (重くてログインできない: できない negates ログイン, not 重い).
                    boolean otherModifier = after != null && after.value().kind() != Modifier.Kind.DEGREE;
                    if (otherModifier || tokens.get(j).content() || lexicon.sentiment().longestAt(tokens, j) != null) {
                        break;
                    }
                }
            }
            if (clause[i] == concessionClause) {
                weight *= CONCESSION;
            }
            hits.add(new Hit(start, end, weight));
            negatorEnd = -1;
            degreeEnd = -1;
            i = next;
        }
        return toScore(text, hits);
    }

    /**
     * Whether the modifier, not a sentiment entry starting at the same word, is what the text says here: the longer
     * match wins, and a word that is both ("super", すごい) is a degree word when sentiment follows it.
     */
    private static boolean isModifierHere(PhraseTable.Match<Double> word, PhraseTable.Match<Modifier> modifier,
                                          List<Token> tokens, int i, LanguageLexicon lexicon) {
        if (word == null || modifier.length() > word.length()) {
            return true;
        }
        if (word.length() > modifier.length()) {
            return false;
        }
        return modifier.value().kind() == Modifier.Kind.DEGREE
                && lexicon.sentiment().startsAt(tokens, i + modifier.length());
    }

    private static Double fusedNegation(String key, LanguageLexicon lexicon) {
        if (key.length() < 2 || CHINESE_NEGATOR_PREFIXES.indexOf(key.charAt(0)) < 0) {
            return null;
        }
        Double rest = lexicon.sentiment().get(key.substring(1));
        return rest == null ? null : rest * FUSED_NEGATION;
    }

    /** Whether the sentence around {@code offset} ends with a question mark. */
    private static boolean isQuestion(String text, int offset) {
        for (int c = offset; c < text.length(); c++) {
            char character = text.charAt(c);
            if (SENTENCE_ENDS.indexOf(character) >= 0) {
                return character == '?' || character == '\uFF1F';
            }
        }
        return false;
    }

    /** Clause number of each token: a new clause starts after punctuation between two words. */
    private static int[] clauses(String text, List<Token> tokens) {
        int[] clause = new int[tokens.size()];
        int current = 0;
        for (int t = 1; t < tokens.size(); t++) {
            for (int c = tokens.get(t - 1).end(); c < tokens.get(t).start(); c++) {
                if (CLAUSE_BREAKS.indexOf(text.charAt(c)) >= 0) {
                    current++;
                    break;
                }
            }
            clause[t] = current;
        }
        return clause;
    }

    private static Score toScore(String text, List<Hit> hits) {
        double raw = 0.0;
        List<Evidence> evidence = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            if (hit.weight() != 0.0) {
                raw += hit.weight();
                evidence.add(new Evidence(text.substring(hit.start(), hit.end()), round(hit.weight())));
            }
        }
        double normalised = raw / Math.sqrt(raw * raw + ALPHA);
        return new Score(round(normalised), evidence);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    /** A text's normalised score and the phrases that made it. */
    record Score(double value, List<Evidence> evidence) {
    }

    private record Hit(int start, int end, double weight) {

        Hit scaled(double factor) {
            return new Hit(start, end, weight * factor);
        }
    }
}
