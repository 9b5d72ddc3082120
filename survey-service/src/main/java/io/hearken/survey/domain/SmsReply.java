package io.hearken.survey.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The text of an inbound SMS that answers a one-question score survey (NPS 0–10, CSAT 1–5, CES 1–7 or any rating
 * from a minimum to a maximum), read as a score and an optional comment. People answer by phone keyboard in many
 * ways, so a reply may start with the name of the scale ({@code NPS 9}, {@code score: 9}), write the score as a
 * fraction ({@code 9/10}, {@code 9 out of 10}), use full-width digits (or another script's decimal digits) and CJK
 * punctuation ({@code ９、とても良い}), and run the comment straight on ({@code 10great}). What cannot be read with
 * confidence — a decimal, a negative number, a range, a number off the scale, no number at all — is
 * {@link Unreadable} with a reason written for the customer, so the caller can send it back as the next SMS or put it
 * in a problem; a guess would record a score nobody gave. The comment is kept whole and as sent (only trimmed):
 * storage limits belong to the caller.
 */
public final class SmsReply {

    /** The result of reading a reply: a {@link Score} or the reason it is {@link Unreadable}. */
    public sealed interface Parsed permits Score, Unreadable {
    }

    /** A score on the survey's scale and the text that followed it, trimmed, or null when nothing followed. */
    public record Score(int score, String comment) implements Parsed {
    }

    /** A reply that cannot be read as a score; {@code reason} tells the customer what to send instead. */
    public record Unreadable(String reason) implements Parsed {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Longest run of digits read as a score; a longer one is an order number or a phone number, not an answer. */
    private static final int MAX_DIGITS = 3;
    private static final int MAX_SCALE = 999;
    /** Words a reply may start with before its score, lower case; they name a scale, so they say nothing more. */
    private static final List<String> SCALE_WORDS = List.of("nps", "csat", "ces", "score", "rating");
    /** Marks between the score and the comment that belong to neither ("9, great", "9. great", "9 - great"). */
    private static final String SEPARATOR_MARKS = ",.-:;/!";
    /** Offset from a full-width form (U+FF01–U+FF5E) to the ASCII character it stands for. */
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    private final String body;
    private final int minScore;
    private final int maxScore;
    private int position;

    private SmsReply(String body, int minScore, int maxScore) {
        this.body = body;
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    /**
     * Reads {@code body} as a score from {@code minScore} to {@code maxScore} (both included) and an optional comment;
     * a null body reads as an empty one.
     *
     * @throws IllegalArgumentException if the scale is impossible: negative, reversed, or wider than three digits
     */
    public static Parsed parse(String body, int minScore, int maxScore) {
        if (minScore < 0 || maxScore < minScore || maxScore > MAX_SCALE) {
            throw new IllegalArgumentException("a score scale must run from 0 or more up to at most " + MAX_SCALE
                    + ", was " + minScore + " to " + maxScore);
        }
        return new SmsReply(body == null ? "" : body, minScore, maxScore).read();
    }

    private Parsed read() {
        skipSpaces();
        if (atEnd()) {
            return unreadable("The reply is empty.");
        }
        skipScaleWord();
        if (isMinus(position) && isDigit(position + 1)) {
            return unreadable("A score cannot be negative.");
        }
        if (!isDigit(position)) {
            return unreadable("The reply does not start with a score.");
        }
        int start = position;
        while (isDigit(position)) {
            position++;
        }
        String digits = body.substring(start, position);
        if (digits.length() > MAX_DIGITS) {
            return unreadable("\"" + digits + "\" is too long to be a score.");
        }
        int score = valueOf(start, position);
        if ((folded(position) == '.' || folded(position) == ',') && isDigit(position + 1)) {
            int end = position + 1;
            while (isDigit(end)) {
                end++;
            }
            return unreadable("\"" + body.substring(start, end) + "\" is not a whole number.");
        }
        if (isMinus(position) && isDigit(position + 1)) {
            return unreadable("\"" + digits + body.substring(position, endOfDigits(position + 1))
                    + "\" is a range, not one score.");
        }
        Integer outOf = readOutOf();
        if (outOf != null && outOf != maxScore) {
            return unreadable("\"" + body.substring(start, position).strip() + "\" is not a score out of " + maxScore
                    + ".");
        }
        if (score < minScore || score > maxScore) {
            return unreadable(score + " is not on the scale.");
        }
        return new Score(score, comment());
    }

    /** Skips a leading scale name such as "NPS" or "Score:" when a non-letter follows it ("scores" is not one). */
    private void skipScaleWord() {
        for (String word : SCALE_WORDS) {
            int end = position + word.length();
            if (end <= body.length() && foldedText(position, end).equalsIgnoreCase(word) && !isLetter(end)) {
                position = end;
                skipSpaces();
                if (folded(position) == ':' || folded(position) == '=') {
                    position++;
                    skipSpaces();
                }
                return;
            }
        }
    }

    /**
     * Reads "/10" or "out of 10" after a score and returns the 10, leaving the position after it; returns null and
     * leaves the position alone when neither follows, so "7 out of stock" keeps "out of stock" as its comment.
     */
    private Integer readOutOf() {
        int mark = position;
        skipSpaces();
        if (folded(position) == '/') {
            position++;
        } else if (foldedText(position, Math.min(position + 3, body.length())).equalsIgnoreCase("out")
                && isSpace(position + 3)) {
            position += 3;
            skipSpaces();
            if (!foldedText(position, Math.min(position + 2, body.length())).equalsIgnoreCase("of")) {
                position = mark;
                return null;
            }
            position += 2;
        } else {
            position = mark;
            return null;
        }
        skipSpaces();
        int start = position;
        int end = endOfDigits(start);
        if (end == start || end - start > MAX_DIGITS) {
            position = mark;
            return null;
        }
        position = end;
        return valueOf(start, end);
    }

    /** What follows the score after any spaces and separator marks, trimmed, or null when that is nothing. */
    private String comment() {
        while (!atEnd() && (isSpace(position) || SEPARATOR_MARKS.indexOf(folded(position)) >= 0)) {
            position++;
        }
        int end = body.length();
        while (end > position && isSpace(end - 1)) {
            end--;
        }
        return end == position ? null : body.substring(position, end);
    }

    private Unreadable unreadable(String problem) {
        return new Unreadable(problem + " Reply with a whole number from " + minScore + " to " + maxScore
                + ", then any comment.");
    }

    private void skipSpaces() {
        while (isSpace(position)) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= body.length();
    }

    private int endOfDigits(int from) {
        int end = from;
        while (isDigit(end)) {
            end++;
        }
        return end;
    }

    private int valueOf(int start, int end) {
        int value = 0;
        for (int index = start; index < end; index++) {
            value = value * 10 + Character.digit(folded(index), 10);
        }
        return value;
    }

    private boolean isDigit(int index) {
        return index < body.length() && Character.digit(folded(index), 10) >= 0;
    }

    private boolean isMinus(int index) {
        return folded(index) == '-' || folded(index) == '\u2212';
    }

    private boolean isLetter(int index) {
        return index < body.length() && Character.isLetter(folded(index));
    }

    /** Whitespace, including the non-breaking and ideographic spaces that phone keyboards insert. */
    private boolean isSpace(int index) {
        return index < body.length() && (Character.isWhitespace(folded(index)) || Character.isSpaceChar(folded(index)));
    }

    private String foldedText(int start, int end) {
        StringBuilder text = new StringBuilder(end - start);
        for (int index = start; index < end; index++) {
            text.append(folded(index));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The character at {@code index} as an ASCII keyboard would have typed it: full-width forms (digits, letters,
     * "：", "，", "／") and the ideographic comma and full stop ("、", "。") read like their ASCII cousins. Only the
     * score is read through this; the comment is kept exactly as sent. Past the end, a character that matches
     * nothing.
     */
    private char folded(int index) {
        if (index >= body.length()) {
            return '\0';
        }
        char character = body.charAt(index);
        if (character >= '\uFF01' && character <= '\uFF5E') {
            return (char) (character - FULL_WIDTH_OFFSET);
        }
        return switch (character) {
            case '\u3001' -> ',';
            case '\u3002' -> '.';
            default -> character;
        };
    }
}
