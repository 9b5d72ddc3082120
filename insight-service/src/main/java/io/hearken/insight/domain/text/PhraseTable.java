package io.hearken.insight.domain.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon entries of one kind (sentiment weights, modifiers, topics) keyed by their token sequence, found in a text
 * by longest match. Entries are tokenized with the same tokenizer as the texts, so an entry matches however the
 * tokenizer splits it ("使いやすい" as one or two words, "value for money" as three) and in any inflection the
 * tokenizer normalises. Read-only after construction, so shared by all threads.
 *
 * @param <V> what an entry maps to
 */
final class PhraseTable<V> {

    private static final char SEPARATOR = ' ';

    private final Map<String, V> entries = new HashMap<>();
    // Most tokens start no entry: one set look-up rejects them before any key is built.
    private final Set<String> firstKeys = new HashSet<>();
    private int longest;

    void put(List<Token> phrase, V value) {
        if (phrase.isEmpty()) {
            return;
        }
        entries.put(key(phrase, 0, phrase.size()), value);
        firstKeys.add(phrase.get(0).key());
        longest = Math.max(longest, phrase.size());
    }

    int size() {
        return entries.size();
    }

    /** The first token keys of all entries: where a text may start one. */
    Set<String> firstKeys() {
        return Collections.unmodifiableSet(firstKeys);
    }

    V get(String singleTokenKey) {
        return entries.get(singleTokenKey);
    }

    boolean startsAt(List<Token> tokens, int from) {
        return from < tokens.size() && longestAt(tokens, from) != null;
    }

    /** The longest entry whose tokens are those of the text from {@code from} on, or null. */
    Match<V> longestAt(List<Token> tokens, int from) {
        if (!firstKeys.contains(tokens.get(from).key())) {
            return null;
        }
        for (int length = Math.min(longest, tokens.size() - from); length >= 1; length--) {
            V value = entries.get(key(tokens, from, length));
            if (value != null) {
                return new Match<>(length, value);
            }
        }
        return null;
    }

    private static String key(List<Token> tokens, int from, int length) {
        if (length == 1) {
            return tokens.get(from).key();
        }
        StringBuilder key = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            if (i > from) {
                key.append(SEPARATOR);
            }
            key.append(tokens.get(i).key());
        }
        return key.toString();
    }

    /** An entry found in a text: how many tokens it spans and its value. */
    record Match<V>(int length, V value) {
    }
}
