package io.hearken.insight.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a rule's keywords in free text in any language. Both sides are NFKC-normalised (full-width ＣＡＮＣＥＬ and
 * half-width ｷｬﾝｾﾙ become CANCEL and キャンセル) and case-folded, and runs of white space count as one space.
 *
 * <p>Scripts written with spaces between words match on word boundaries: {@code cancel} finds "Cancel!" and
 * "我想cancel订阅" but not "cancelled" or "uncancel". A keyword ending in {@code *} is a prefix: {@code cancel*}
 * finds "cancelled" and "cancellation". Whole words are the default because prefixes of short English words match too
 * much ("ban" in "bank"), and the user can ask for a prefix where it is meant. Scripts written without spaces (Han,
 * kana, Hangul, whose words carry attached particles, Thai, Lao, Khmer, Myanmar) have no boundary to test, so a
 * keyword edge in one of them matches anywhere: 解約 finds "サブスクを解約したい". Accents are kept: "résilier" does
 * not find "resilier".
 */
public final class KeywordMatcher {

    private static final String PREFIX_MARK = "*";

    private final List<Keyword> keywords;

    private KeywordMatcher(List<Keyword> keywords) {
        this.keywords = keywords;
    }

    /** A matcher for these keywords, tried in this order; blank keywords are left out. */
    public static KeywordMatcher of(List<String> keywords) {
        List<Keyword> compiled = new ArrayList<>();
        for (String keyword : keywords) {
            if (keyword == null) {
                continue;
            }
            boolean prefix = keyword.strip().endsWith(PREFIX_MARK);
            String body = prefix ? keyword.strip().substring(0, keyword.strip().length() - 1) : keyword;
            String normalised = normalise(body);
            if (!normalised.isEmpty()) {
                compiled.add(new Keyword(keyword, normalised, prefix));
            }
        }
        return new KeywordMatcher(List.copyOf(compiled));
    }

    /** NFKC, then case folding (upper then lower, so ß and SS both become ss), white space collapsed. */
    public static String normalise(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }

    /** The first keyword, in the rule's order, found in any of the texts; as the rule spells it. */
    public Optional<String> firstMatch(List<String> texts) {
        List<String> normalisedTexts = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                normalisedTexts.add(normalise(text));
            }
        }
        for (Keyword keyword : keywords) {
            for (String text : normalisedTexts) {
                if (keyword.foundIn(text)) {
                    return Optional.of(keyword.asWritten);
                }
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return keywords.isEmpty();
    }

    private record Keyword(String asWritten, String normalised, boolean prefix) {

        boolean foundIn(String text) {
            for (int at = text.indexOf(normalised); at >= 0; at = text.indexOf(normalised, at + 1)) {
                int end = at + normalised.length();
                if (startsWord(text, at) && (prefix || endsWord(text, end))) {
                    return true;
                }
            }
            return false;
        }

        private boolean startsWord(String text, int at) {
            if (at == 0 || writtenWithoutSpaces(normalised.codePointAt(0))) {
                return true;
            }
            return !isSpacedWordCharacter(text.codePointBefore(at));
        }

        private boolean endsWord(String text, int end) {
            if (end == text.length() || writtenWithoutSpaces(normalised.codePointBefore(normalised.length()))) {
                return true;
            }
            return !isSpacedWordCharacter(text.codePointAt(end));
        }
    }

    /** A letter, digit or combining mark of a script that separates words with spaces: it continues a word. */
    private static boolean isSpacedWordCharacter(int codePoint) {
        boolean wordPart = Character.isLetterOrDigit(codePoint)
                || Character.getType(codePoint) == Character.NON_SPACING_MARK;
        return wordPart && !writtenWithoutSpaces(codePoint);
    }

    private static boolean writtenWithoutSpaces(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> true;
            default -> codePoint == 0x30FC; // the prolonged sound mark ー is COMMON but lives inside katakana words
        };
    }
}
