package io.hearken.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A string in a request body that no store could hold ({@link StorableText}); answered 400 naming the field. */
public class UnstorableTextException extends JsonMappingException {

    private final String reason;

    public UnstorableTextException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    /** Why, in words for the caller ("contains the control character U+0000 at position 2"). */
    public String reason() {
        return reason;
    }
}
