package io.hearken.insight.domain.text;

/**
 * The languages the text analyser tells apart, each with the BCP-47 tag it reports. Chinese is two languages here
 * because Simplified and Traditional text is written with different characters and read by different markets;
 * anything else (Korean, Cyrillic, Latin text that is not English) is {@link #UNDETERMINED} and gets no sentiment.
 */
public enum Language {
    ENGLISH("en"),
    JAPANESE("ja"),
    CHINESE_SIMPLIFIED("zh-Hans"),
    CHINESE_TRADITIONAL("zh-Hant"),
    UNDETERMINED("und");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public boolean isChinese() {
        return this == CHINESE_SIMPLIFIED || this == CHINESE_TRADITIONAL;
    }
}
