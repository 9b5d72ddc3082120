package io.hearken.insight.domain.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complaint and praise <em>situations</em> of one language: what customers report without a sentiment word
 * ("waited three weeks", "had to call four times", "still no refund", 箱が潰れて届いた, 三回も電話した,
 * 等了两个小时没人理, 会回购). Loaded from {@code text/situations-<code>.tsv}, where a line is either a word class
 * ({@code @unit<TAB>minute | hour | day}) or a pattern and its weight ({@code @wait .. @number @unit<TAB>-1.5}).
 * A pattern is a sequence of elements: a class, a literal word or phrase, or {@code ..}, a gap of up to
 * {@value #GAP} words in the same clause. A class member {@code <digits>} is any number written in digits.
 * Patterns describe structure (a wait with a duration, a negated event the customer was owed, a repetition), so one
 * pattern covers many wordings instead of memorising sentences.
 *
 * <p>A negator the pattern names (its {@code @neg} class, "without" in "without notice") is part of the situation.
 * A negator inside a gap flips the situation like any sentiment word ("would never buy again"); so does one that
 * governs the whole match, which the scorer handles as for words ("they never kept me waiting", 待たされなかった).
 * Read-only after construction, so shared by all threads.
 */
final class SituationTable {

    /** Words a gap may skip; a gap never leaves its clause. */
    static final int GAP = 5;
    private static final String DIGITS = "<digits>";
    private static final String BARRIER = "@barrier";

    private final Map<String, List<Pattern>> byFirstKey = new HashMap<>();
    private final List<Pattern> startingWithDigits = new ArrayList<>();
    private PhraseTable<Boolean> barriers = new PhraseTable<>();
    private int size;

    /** How a phrase is put into a table: through the language's tokenizer, alone and in context. */
    interface Phrases {
        void put(PhraseTable<Boolean> table, String phrase);
    }

    SituationTable(List<String[]> rows, Phrases phrases) {
        Map<String, Element> classes = new HashMap<>();
        for (String[] row : rows) {
            if (row.length != 2) {
                throw new IllegalArgumentException("a situation line has two fields: " + String.join(" | ", row));
            }
            if (isClass(row)) {
                PhraseTable<Boolean> members = new PhraseTable<>();
                boolean digits = false;
                for (String member : row[1].split("\\|")) {
                    String phrase = member.strip();
                    if (DIGITS.equals(phrase)) {
                        digits = true;
                    } else if (!phrase.isEmpty()) {
                        phrases.put(members, phrase);
                    }
                }
                if (BARRIER.equals(row[0])) {
                    barriers = members;
                } else {
                    classes.put(row[0], new Element(members, digits, false));
                }
            } else {
                add(parse(row[0], Double.parseDouble(row[1]), classes, phrases));
            }
        }
    }

    int size() {
        return size;
    }

    /** A class line names one class and lists words; a pattern line ends with its weight. */
    private static boolean isClass(String[] row) {
        return row[0].startsWith("@") && !row[0].contains(" ") && !row[1].matches("[-+]?[0-9.]+");
    }

    private static Pattern parse(String text, double weight, Map<String, Element> classes, Phrases phrases) {
        List<Element> elements = new ArrayList<>();
        boolean gap = false;
        for (String part : text.split("\\s+")) {
            if ("..".equals(part)) {
                if (elements.isEmpty()) {
                    throw new IllegalArgumentException("a situation starts with a word, not a gap: " + text);
                }
                gap = true;
                continue;
            }
            Element element;
            if (part.startsWith("@")) {
                element = classes.get(part);
                if (element == null) {
                    throw new IllegalArgumentException("situation class " + part + " is used before it is defined");
                }
            } else {
                PhraseTable<Boolean> literal = new PhraseTable<>();
                phrases.put(literal, part);
                element = new Element(literal, false, false);
            }
            elements.add(element.withGapBefore(gap));
            gap = false;
        }
        if (gap || elements.isEmpty()) {
            throw new IllegalArgumentException("a situation ends with a word, not a gap: " + text);
        }
        return new Pattern(text, List.copyOf(elements), weight);
    }

    private void add(Pattern pattern) {
        Element first = pattern.elements().get(0);
        for (String key : first.phrases().firstKeys()) {
            byFirstKey.computeIfAbsent(key, k -> new ArrayList<>()).add(pattern);
        }
        if (first.digits()) {
            startingWithDigits.add(pattern);
        }
        size++;
    }

    /**
     * The situation spanning the most words from {@code from} on (the first in the file on a tie), or null.
     *
     * @param clause  each token's clause number; no pattern crosses a clause
     * @param lexicon the language's lexicon: a gap never skips one of its sentiment words (the negator governs that
     *                word, as in "no problems and it arrived"), a contrast or concession word, or a word of the
     *                {@code @barrier} class; its negators inside a gap flip the situation
     */
    Match longestAt(List<Token> tokens, int from, int[] clause, LanguageLexicon lexicon) {
        List<Pattern> byKey = byFirstKey.get(tokens.get(from).key());
        boolean digits = isNumber(tokens.get(from).key());
        if (byKey == null && !(digits && !startingWithDigits.isEmpty())) {
            return null;
        }
        Match best = null;
        if (byKey != null) {
            best = longest(byKey, tokens, from, clause, lexicon, null);
        }
        if (digits) {
            best = longest(startingWithDigits, tokens, from, clause, lexicon, best);
        }
        return best;
    }

    private Match longest(List<Pattern> patterns, List<Token> tokens, int from, int[] clause,
                          LanguageLexicon lexicon, Match best) {
        for (Pattern pattern : patterns) {
            Match match = pattern.matchAt(tokens, from, clause, lexicon, barriers);
            if (match != null && (best == null || match.length() > best.length())) {
                best = match;
            }
        }
        return best;
    }

    static boolean isNumber(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A situation found in a text.
     *
     * @param length  how many tokens it spans
     * @param weight  its polarity weight, already flipped when a negator inside a gap governs it
     * @param pattern the pattern as written in the lexicon, to explain a result
     */
    record Match(int length, double weight, String pattern) {
    }

    private record Element(PhraseTable<Boolean> phrases, boolean digits, boolean gapBefore) {

        Element withGapBefore(boolean gap) {
            return gap == gapBefore ? this : new Element(phrases, digits, gap);
        }

        /** How many tokens this element covers at {@code at}, or -1. */
        int lengthAt(List<Token> tokens, int at) {
            PhraseTable.Match<Boolean> match = phrases.longestAt(tokens, at);
            if (match != null) {
                return match.length();
            }
            return digits && isNumber(tokens.get(at).key()) ? 1 : -1;
        }
    }

    private record Pattern(String text, List<Element> elements, double weight) {

        Match matchAt(List<Token> tokens, int from, int[] clause, LanguageLexicon lexicon,
                      PhraseTable<Boolean> barriers) {
            int position = from;
            int negators = 0;
            for (Element element : elements) {
                int reach = element.gapBefore() ? GAP : 0;
                int found = -1;
                int length = -1;
                for (int at = position; at <= position + reach && at < tokens.size() && clause[at] == clause[from];
                     at++) {
                    length = element.lengthAt(tokens, at);
                    if (length > 0) {
                        found = at;
                        break;
                    }
                }
                if (found < 0) {
                    return null;
                }
                for (int skipped = position; skipped < found; skipped++) {
                    PhraseTable.Match<Modifier> modifier = lexicon.modifiers().longestAt(tokens, skipped);
                    Modifier.Kind kind = modifier == null ? null : modifier.value().kind();
                    if (kind == Modifier.Kind.CONTRAST || kind == Modifier.Kind.CONCESSION
                            || lexicon.sentiment().longestAt(tokens, skipped) != null
                            || barriers.longestAt(tokens, skipped) != null) {
                        return null;
                    }
                    if (kind == Modifier.Kind.NEGATOR) {
                        negators++;
                    }
                }
                position = found + length;
            }
            double signed = negators % 2 == 1 ? weight * SentimentScorer.GAP_NEGATION : weight;
            return new Match(position - from, signed, text);
        }
    }
}
