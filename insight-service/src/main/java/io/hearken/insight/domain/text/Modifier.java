package io.hearken.insight.domain.text;

/**
 * A word that changes the weight of sentiment words near it rather than carrying sentiment itself.
 *
 * @param kind   what it does
 * @param factor what it multiplies the affected sentiment by (negators: negative; degree words: above or below 1)
 */
record Modifier(Kind kind, double factor) {

    enum Kind {
        /** "not", "ない", "不": flips the sentiment word it governs. */
        NEGATOR,
        /** "very", "とても", "非常": scales the next sentiment word. */
        DEGREE,
        /** "but", "けど", "但是": the clause after it is what the customer means; what came before weighs less. */
        CONTRAST,
        /** "although", "虽然": its own clause is the one that weighs less. */
        CONCESSION
    }
}
