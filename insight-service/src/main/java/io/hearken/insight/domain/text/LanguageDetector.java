package io.hearken.insight.domain.text;

import java.util.Locale;
import java.util.Set;

/**
 * Tells which of the analyser's languages a text is written in, from its characters: any kana makes it Japanese
 * (Japanese writes Han characters too, Chinese never writes kana); Han text without kana is Chinese, Traditional or
 * Simplified by whichever script's distinguishing characters outnumber the other's; Latin text is English. The
 * hint (a BCP-47 tag from the survey or the review source) decides what the characters leave open: all-Han text
 * with no distinguishing character, a Han text with kanji-only Japanese, and Latin text in another language.
 */
final class LanguageDetector {

    // Function words so common in English that one of them in a Latin text makes it English without a hint.
    private static final Set<String> ENGLISH_MARKERS = Set.of("the", "and", "is", "was", "it", "to", "of", "my", "i",
            "a", "for", "not", "but", "very", "with", "you", "this", "that", "in", "on", "are", "have", "be");

    private final ChineseScripts scripts;

    LanguageDetector(ChineseScripts scripts) {
        this.scripts = scripts;
    }

    Language detect(String text, String hint) {
        int kana = 0;
        int han = 0;
        int latin = 0;
        int otherLetters = 0;
        int simplified = 0;
        int traditional = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isKana(c)) {
                kana++;
            } else if (isHan(c)) {
                han++;
                if (scripts.isSimplifiedOnly(c)) {
                    simplified++;
                } else if (scripts.isTraditionalOnly(c)) {
                    traditional++;
                }
            } else if (c < 0x250 && Character.isLetter(c)) {
                latin++;
            } else if (Character.isLetter(c)) {
                otherLetters++;
            }
        }
        Language hinted = fromHint(hint);
        if (kana > 0 && kana + han >= otherLetters) {
            return Language.JAPANESE;
        }
        if (han > 0 && han >= otherLetters) {
            if (hinted == Language.JAPANESE && simplified == 0) {
                return Language.JAPANESE;
            }
            if (simplified > traditional) {
                return Language.CHINESE_SIMPLIFIED;
            }
            if (traditional > simplified) {
                return Language.CHINESE_TRADITIONAL;
            }
            return hinted == Language.CHINESE_TRADITIONAL ? Language.CHINESE_TRADITIONAL : Language.CHINESE_SIMPLIFIED;
        }
        if (latin > 0 && latin >= otherLetters) {
            if (hinted == Language.ENGLISH || hinted == null || hasEnglishMarker(text)) {
                return Language.ENGLISH;
            }
            return Language.UNDETERMINED;
        }
        return Language.UNDETERMINED;
    }

    // Plain ranges rather than Character.UnicodeBlock look-ups: this runs for every character of every text.
    static boolean isKana(char c) {
        return c >= '\u3040' && c <= '\u30FF' && c != '\u30FB' || c >= '\u31F0' && c <= '\u31FF'
                || c >= '\uFF66' && c <= '\uFF9D';
    }

    static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '\uF900' && c <= '\uFAFF';
    }

    /** The language a BCP-47 tag names, null when it names none of ours or nothing. */
    static Language fromHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String tag = hint.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        switch (primary) {
            case "en":
                return Language.ENGLISH;
            case "ja":
                return Language.JAPANESE;
            case "zh":
                return isTraditionalTag(tag) ? Language.CHINESE_TRADITIONAL : Language.CHINESE_SIMPLIFIED;
            default:
                return Language.UNDETERMINED;
        }
    }

    private static boolean isTraditionalTag(String tag) {
        // zh-Hant, and the regions that write Traditional when no script subtag says otherwise.
        if (tag.contains("-hans")) {
            return false;
        }
        return tag.contains("-hant") || tag.endsWith("-tw") || tag.endsWith("-hk") || tag.endsWith("-mo");
    }

    private static boolean hasEnglishMarker(String text) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (ENGLISH_MARKERS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }
}
