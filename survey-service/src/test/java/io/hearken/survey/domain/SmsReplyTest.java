package io.hearken.survey.domain;

import io.hearken.survey.domain.SmsReply.Parsed;
import io.hearken.survey.domain.SmsReply.Score;
import io.hearken.survey.domain.SmsReply.Unreadable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** How the text of an SMS answering a one-question score survey becomes a score and a comment, or a reply to send. */
class SmsReplyTest {

    private static Parsed nps(String body) {
        return SmsReply.parse(body, 0, 10);
    }

    private static Unreadable unreadable(Parsed parsed) {
        return assertInstanceOf(Unreadable.class, parsed, () -> "expected unreadable, was " + parsed);
    }

    static Stream<Arguments> npsReplies() {
        return Stream.of(
                arguments("9", 9, null),
                arguments(" 9 ", 9, null),
                arguments("0", 0, null),
                arguments("10", 10, null),
                arguments("09", 9, null),
                arguments("9 great staff", 9, "great staff"),
                arguments("9, great staff", 9, "great staff"),
                arguments("9. great", 9, "great"),
                arguments("9.great", 9, "great"),
                arguments("9-great", 9, "great"),
                arguments("9 - great", 9, "great"),
                arguments("9: great", 9, "great"),
                arguments("10great", 10, "great"),
                arguments("10!", 10, null),
                arguments("9\nGreat staff.\nSlow checkout.", 9, "Great staff.\nSlow checkout."),
                arguments("  9   lots   of   space  ", 9, "lots   of   space"),
                arguments("NPS 3 too slow", 3, "too slow"),
                arguments("nps: 3", 3, null),
                arguments("nps:3", 3, null),
                arguments("Nps=3", 3, null),
                arguments("NPS3", 3, null),
                arguments("Score 7", 7, null),
                arguments("SCORE: 7 fine", 7, "fine"),
                arguments("rating 8", 8, null),
                arguments("10/10", 10, null),
                arguments("8/10 would return", 8, "would return"),
                arguments("8 / 10", 8, null),
                arguments("7 out of 10", 7, null),
                arguments("7 OUT OF 10 - decent", 7, "decent"),
                arguments("7 out of stock again", 7, "out of stock again"),
                arguments("9/ nice", 9, "nice"),
                arguments("9 - 10 minute wait", 9, "10 minute wait"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}, {2}")
    @MethodSource("npsReplies")
    void readsTheScoreAndTheCommentAfterIt(String body, int score, String comment) {
        assertEquals(new Score(score, comment), nps(body));
    }

    static Stream<Arguments> fullWidthAndCjkReplies() {
        return Stream.of(
                arguments("\uFF19", 9, null),                                  // ９
                arguments("\uFF11\uFF10", 10, null),                           // １０
                arguments("\u3000\uFF19\u3000", 9, null),                      // ideographic spaces around ９
                arguments("\uFF19\u3000\u3068\u3066\u3082\u826F\u3044", 9, "\u3068\u3066\u3082\u826F\u3044"),
                arguments("\uFF19\u3001\u3068\u3066\u3082\u826F\u3044", 9, "\u3068\u3066\u3082\u826F\u3044"), // ９、
                arguments("\uFF18\u3002\u5F88\u597D", 8, "\u5F88\u597D"),       // ８。很好
                arguments("8\uFF0C\u670D\u52A1\u5F88\u597D", 8, "\u670D\u52A1\u5F88\u597D"), // 8，服务很好
                arguments("NPS\uFF1A\uFF13", 3, null),                          // NPS：３
                arguments("\uFF2E\uFF30\uFF33 \uFF17", 7, null),                // ＮＰＳ ７
                arguments("\uFF11\uFF10\uFF0F\uFF11\uFF10", 10, null),          // １０／１０
                arguments("\u0669 \u0645\u0645\u062A\u0627\u0632", 9, "\u0645\u0645\u062A\u0627\u0632"), // ٩ ممتاز
                arguments("9\u00A0merci\u00A0", 9, "merci"));                    // non-breaking spaces
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}, {2}")
    @MethodSource("fullWidthAndCjkReplies")
    void readsFullWidthDigitsAndCjkSeparatorsButKeepsTheCommentAsSent(String body, int score, String comment) {
        assertEquals(new Score(score, comment), nps(body));
    }

    @Test
    void keepsTheCommentWholeHoweverLong() {
        String comment = "slow ".repeat(1000).strip();
        assertEquals(new Score(4, comment), nps("4 " + comment));
    }

    @Test
    void keepsFullWidthCharactersInTheCommentUnchanged() {
        assertEquals(new Score(9, "\uFF21\uFF22\uFF23 \u2460"), nps("9 \uFF21\uFF22\uFF23 \u2460"));
    }

    @Test
    void readsEachScaleWithItsOwnBounds() {
        assertEquals(new Score(5, null), SmsReply.parse("CSAT 5", 1, 5));
        assertEquals(new Score(1, "awful"), SmsReply.parse("1 awful", 1, 5));
        assertEquals(new Score(7, null), SmsReply.parse("ces 7", 1, 7));
        assertEquals(new Score(4, null), SmsReply.parse("4/5", 1, 5));
        assertEquals(new Score(100, null), SmsReply.parse("100", 0, 100));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", "\u3000"})
    void refusesAnEmptyReply(String body) {
        assertTrue(unreadable(nps(body)).reason().startsWith("The reply is empty."));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"great service", "NPS", "nps great", "npsx 9", "Scores 9", "Rate 9", "+9", "\uD83D\uDC4D 9",
            "/10", "ten"})
    void refusesAReplyThatDoesNotStartWithAScore(String body) {
        assertTrue(unreadable(nps(body)).reason().startsWith("The reply does not start with a score."));
    }

    @Test
    void namesTheScaleWhenAScoreIsOffIt() {
        assertEquals("11 is not on the scale. Reply with a whole number from 0 to 10, then any comment.",
                unreadable(nps("11")).reason());
        assertEquals("0 is not on the scale. Reply with a whole number from 1 to 5, then any comment.",
                unreadable(SmsReply.parse("0 bad", 1, 5)).reason());
        assertTrue(unreadable(SmsReply.parse("8", 1, 7)).reason().contains("from 1 to 7"));
        assertTrue(unreadable(nps("123")).reason().contains("from 0 to 10"));
        assertTrue(unreadable(nps("11/10")).reason().startsWith("11 is not on the scale."));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"8.5", "8,5", "8.5 good", "NPS 9.5", "\uFF18\uFF0E\uFF15", "8.5/10"})
    void refusesADecimalAndAsksForAWholeNumber(String body) {
        String reason = unreadable(nps(body)).reason();
        assertTrue(reason.contains("is not a whole number"), reason);
        assertTrue(reason.contains("Reply with a whole number from 0 to 10"), reason);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"-3", " -1 bad", "NPS -3", "nps: -3", "\u22123", "\uFF0D\uFF13"})
    void refusesANegativeNumber(String body) {
        assertTrue(unreadable(nps(body)).reason().startsWith("A score cannot be negative."));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1234", "0009", "07700900123 call me", "99999999999999999999"})
    void refusesANumberTooLongToBeAScore(String body) {
        assertTrue(unreadable(nps(body)).reason().contains("is too long to be a score"));
    }

    @Test
    void refusesARangeRatherThanPickingOneEnd() {
        assertTrue(unreadable(nps("9-10")).reason().startsWith("\"9-10\" is a range, not one score."));
    }

    @Test
    void refusesAFractionOutOfAnotherScale() {
        assertTrue(unreadable(nps("4/5")).reason().startsWith("\"4/5\" is not a score out of 10."));
        assertTrue(unreadable(SmsReply.parse("8 out of 10", 1, 5)).reason()
                .startsWith("\"8 out of 10\" is not a score out of 5."));
    }

    @Test
    void refusesAnImpossibleScale() {
        assertThrows(IllegalArgumentException.class, () -> SmsReply.parse("1", -1, 5));
        assertThrows(IllegalArgumentException.class, () -> SmsReply.parse("1", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> SmsReply.parse("1", 0, 1000));
    }
}
