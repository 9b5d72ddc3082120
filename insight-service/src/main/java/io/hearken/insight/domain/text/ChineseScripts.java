package io.hearken.insight.domain.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The characters that tell Simplified from Traditional Chinese ({@code text/zh-variants.tsv}, 580+ pairs such as
 * 这/這, 们/們, 货/貨), used both to detect the script and to convert Traditional text to Simplified before the
 * Simplified-trained smartcn tokenizer and the Simplified lexicons see it. The conversion is character for
 * character, so offsets in the converted text are offsets in the original and evidence can quote the original.
 */
final class ChineseScripts {

    private final Set<Character> simplifiedOnly = new HashSet<>();
    private final Set<Character> traditionalOnly = new HashSet<>();
    private final Map<Character, Character> traditionalToSimplified = new HashMap<>();

    ChineseScripts() {
        for (String[] row : LexiconSource.rows("zh-variants.tsv")) {
            char simplified = row[0].charAt(0);
            char traditional = row[1].charAt(0);
            // A 'shared' simplified form (后, 里, 干) is also ordinary Traditional, so it is no evidence of script.
            boolean shared = row.length > 2 && "shared".equals(row[2]);
            if (!shared) {
                simplifiedOnly.add(simplified);
            }
            traditionalOnly.add(traditional);
            traditionalToSimplified.put(traditional, simplified);
        }
    }

    int pairs() {
        return traditionalToSimplified.size();
    }

    boolean isSimplifiedOnly(char c) {
        return simplifiedOnly.contains(c);
    }

    boolean isTraditionalOnly(char c) {
        return traditionalOnly.contains(c);
    }

    /** The text with every Traditional-only character replaced by its Simplified form; same length. */
    String toSimplified(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            Character simplified = traditionalToSimplified.get(chars[i]);
            if (simplified != null) {
                chars[i] = simplified;
            }
        }
        return new String(chars);
    }
}
