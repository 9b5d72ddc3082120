package io.hearken.profile.domain;

/** A value that cannot be an identity of its kind; {@code field} is where the caller gave it. */
public class InvalidIdentityException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentityException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
