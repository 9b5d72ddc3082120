package io.hearken.common.json;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule for text Hearken accepts anywhere: what every store downstream (PostgreSQL, MongoDB, Kafka, a partner's
 * webhook endpoint) can hold and hand back unchanged. Refused: control characters other than tab, CR and LF (U+0000
 * above all: PostgreSQL cannot store it in text), lone UTF-16 surrogates (they have no UTF-8 form), and text whose
 * UTF-8 form is longer than the limit.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or empty if it can. */
    public static Optional<String> problemOf(String text, int maxUtf8Bytes) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains a lone surrogate at position " + i);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains a lone surrogate at position " + i);
            }
            if (isRefusedControl(c)) {
                return Optional.of("contains the control character U+%04X at position %d".formatted((int) c, i));
            }
        }
        if (length > maxUtf8Bytes / 3 && utf8Length(text) > maxUtf8Bytes) {
            return Optional.of("is longer than " + maxUtf8Bytes + " bytes in UTF-8");
        }
        return Optional.empty();
    }

    /** C0 controls but tab, LF and CR; DEL; C1 controls. */
    static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** The length of the UTF-8 form of a string without lone surrogates. */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
