package io.hearken.insight.domain.text;

import java.util.List;

/**
 * Splits a text of one language into {@link Token}s. Implementations keep one Lucene tokenizer per thread, since a
 * Lucene tokenizer is stateful and building one per call costs more than the analysis itself.
 */
interface TextTokenizer {

    List<Token> tokenize(String text);
}
