package io.hearken.insight.domain.text;

/**
 * One word of a text as a tokenizer found it: the form lexicons are looked up by (lower-cased and plural-stripped
 * English, the dictionary form of a Japanese word, Simplified Chinese) and where it stands in the text, so the
 * evidence can quote the text's own words.
 *
 * @param key     the normalised form lexicon entries are matched against
 * @param start   offset of the first character in the text
 * @param end     offset after the last character
 * @param content whether the word may be a keyword (a noun or word of that shape; stop words are filtered later)
 */
record Token(String key, int start, int end, boolean content) {
}
