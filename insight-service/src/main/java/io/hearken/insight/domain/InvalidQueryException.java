package io.hearken.insight.domain;

/**
 * A question the scores cannot answer as asked (a range that ends before it starts, a granularity too fine for its
 * range), naming the parameter at fault so the API can say which one.
 */
public class InvalidQueryException extends RuntimeException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
