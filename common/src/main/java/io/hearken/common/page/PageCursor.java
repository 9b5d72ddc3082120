package io.hearken.common.page;

import io.hearken.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a keyset page ended — the sort keys of its last item — carried to the client as an opaque token (the
 * page's {@code next}, sent back as {@code after}). Opaque so that clients cannot come to depend on its form and a
 * list may change its keys. The token names the list it belongs to, so a token of another list is refused (400
 * naming {@code after}) instead of silently starting somewhere else; so is one that does not decode.
 */
public final class PageCursor {

    /** Separates the list and the keys; the last key may contain it (it is an id), the others may not. */
    private static final char SEPARATOR = '\n';

    private final String list;
    private final List<String> keys;

    private PageCursor(String list, List<String> keys) {
        this.list = list;
        this.keys = keys;
    }

    /** The position after an item of {@code list} whose sort keys are {@code keys}, in the list's sort order. */
    public static PageCursor of(String list, Object... keys) {
        List<String> text = Arrays.stream(keys).map(String::valueOf).toList();
        for (int index = 0; index < text.size() - 1; index++) {
            if (text.get(index).indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("Only the last key of a cursor may hold a line break");
            }
        }
        if (list.indexOf(SEPARATOR) >= 0 || text.isEmpty()) {
            throw new IllegalArgumentException("A cursor needs a one-line list name and at least one key");
        }
        return new PageCursor(list, text);
    }

    /**
     * Reads the {@code after} a caller sent to {@code list}: empty when there was none (the first page); a 400
     * naming {@code after} when it is not a token of this list with {@code keyCount} keys.
     */
    public static Optional<PageCursor> read(String list, String token, int keyCount) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw foreign();
        }
        String[] parts = decoded.split(String.valueOf(SEPARATOR), keyCount + 1);
        if (parts.length != keyCount + 1 || !parts[0].equals(list)) {
            throw foreign();
        }
        return Optional.of(new PageCursor(list, List.of(parts).subList(1, parts.length)));
    }

    /** The opaque token: what a page answers as {@code next}. */
    public String token() {
        String text = list + SEPARATOR + String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public String text(int index) {
        return keys.get(index);
    }

    /** The key at {@code index} as an instant; a 400 naming {@code after} when it is not one. */
    public Instant instant(int index) {
        try {
            return Instant.parse(keys.get(index));
        } catch (DateTimeParseException e) {
            throw foreign();
        }
    }

    /** The key at {@code index} as a UUID; a 400 naming {@code after} when it is not one. */
    public UUID uuid(int index) {
        try {
            return UUID.fromString(keys.get(index));
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** The key at {@code index} as a whole number; a 400 naming {@code after} when it is not one. */
    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException e) {
            throw foreign();
        }
    }

    private static ProblemException foreign() {
        return ProblemException.invalidField("after", "is not a cursor this list gave out (send its page's 'next')");
    }
}
