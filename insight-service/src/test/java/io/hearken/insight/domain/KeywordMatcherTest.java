package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keywords in English on word boundaries, in Japanese and Chinese as substrings, across width and case forms. */
class KeywordMatcherTest {

    private static Optional<String> match(List<String> keywords, String... texts) {
        return KeywordMatcher.of(keywords).firstMatch(List.of(texts));
    }

    @Test
    void englishKeywordsMatchWholeWordsInAnyCase() {
        assertEquals(Optional.of("cancel"), match(List.of("cancel"), "I want to CANCEL my plan."));
        assertEquals(Optional.of("cancel"), match(List.of("cancel"), "Cancel!"));
        assertEquals(Optional.of("cancel"), match(List.of("cancel"), "cancel"));
        assertEquals(Optional.of("cancel"), match(List.of("cancel"), "please (cancel), thanks"));
    }

    @Test
    void englishKeywordsDoNotMatchInsideLongerWords() {
        assertTrue(match(List.of("cancel"), "my order was cancelled").isEmpty());
        assertTrue(match(List.of("cancel"), "an uncancel button").isEmpty());
        assertTrue(match(List.of("ban"), "my bank called").isEmpty());
    }

    @Test
    void aTrailingStarMakesAPrefix() {
        assertEquals(Optional.of("cancel*"), match(List.of("cancel*"), "my order was cancelled"));
        assertEquals(Optional.of("cancel*"), match(List.of("cancel*"), "Cancellation fee?"));
        assertTrue(match(List.of("cancel*"), "an uncancelled order").isEmpty(), "a prefix still starts a word");
    }

    @Test
    void phrasesMatchAcrossAnyWhiteSpace() {
        assertEquals(Optional.of("money back"), match(List.of("money back"), "I want my money\n  back now"));
        assertTrue(match(List.of("money back"), "moneyback").isEmpty());
    }

    @Test
    void japaneseAndChineseKeywordsMatchAsSubstrings() {
        assertEquals(Optional.of("解約"), match(List.of("解約"), "サブスクを解約したいです"));
        assertEquals(Optional.of("退款"), match(List.of("退款"), "我要退款！"));
        assertEquals(Optional.of("退款"), match(List.of("退款"), "请尽快退款"));
        assertTrue(match(List.of("解約"), "契約を更新しました").isEmpty());
    }

    @Test
    void anEnglishKeywordInsideCjkTextStillMatches() {
        assertEquals(Optional.of("cancel"), match(List.of("cancel"), "我想cancel订阅"));
    }

    @Test
    void fullWidthAndHalfWidthFormsMatchTheirOrdinaryForms() {
        assertEquals(Optional.of("cancel"), match(List.of("cancel"), "ＣＡＮＣＥＬ ｐｌｅａｓｅ"));
        assertEquals(Optional.of("ＲＥＦＵＮＤ"), match(List.of("ＲＥＦＵＮＤ"), "refund me"));
        assertEquals(Optional.of("キャンセル"), match(List.of("キャンセル"), "ｷｬﾝｾﾙしたい"));
        assertEquals(Optional.of("ｷｬﾝｾﾙ"), match(List.of("ｷｬﾝｾﾙ"), "注文をキャンセルしました"));
    }

    @Test
    void caseFoldingTreatsSharpSAsDoubleS() {
        assertEquals(Optional.of("straße"), match(List.of("straße"), "STRASSE"));
    }

    @Test
    void theFirstKeywordInTheRulesOrderIsTheEvidence() {
        assertEquals(Optional.of("refund"), match(List.of("refund", "cancel"), "cancel it", "and refund me"));
        assertEquals(Optional.of("cancel"), match(List.of("解約", "cancel"), "cancel it"));
    }

    @Test
    void blankKeywordsAreLeftOutAndNothingIsFoundInNoText() {
        assertTrue(KeywordMatcher.of(List.of("  ", "*")).isEmpty());
        assertTrue(match(List.of("cancel")).isEmpty());
    }
}
