package io.hearken.common.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorableTextTest {

    @Test
    void keepsOrdinaryTextInEveryScriptWithTabsAndLineBreaks() {
        assertTrue(StorableText.problemOf("速い配送 😀 très bien\r\n\tok", 1000).isEmpty());
    }

    @Test
    void refusesNulAndOtherControlCharacters() {
        assertEquals("contains the control character U+0000 at position 2",
                StorableText.problemOf("ok\u0000ok", 1000).orElseThrow());
        assertTrue(StorableText.problemOf("bell\u0007", 1000).orElseThrow().contains("U+0007"));
        assertTrue(StorableText.problemOf("del\u007f", 1000).orElseThrow().contains("U+007F"));
        assertTrue(StorableText.problemOf("c1\u0085", 1000).orElseThrow().contains("U+0085"));
    }

    @Test
    void refusesLoneSurrogatesButNotPairs() {
        assertTrue(StorableText.problemOf("half \ud83d", 1000).orElseThrow().contains("lone surrogate"));
        assertTrue(StorableText.problemOf("\ude00 low first", 1000).orElseThrow().contains("lone surrogate"));
        assertTrue(StorableText.problemOf("pair \ud83d\ude00", 1000).isEmpty());
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        assertTrue(StorableText.problemOf("顧".repeat(10), 30).isEmpty(), "10 characters are 30 bytes");
        assertTrue(StorableText.problemOf("顧".repeat(11), 30).orElseThrow().contains("longer than 30 bytes"));
        assertTrue(StorableText.problemOf("a".repeat(30), 30).isEmpty());
    }
}
