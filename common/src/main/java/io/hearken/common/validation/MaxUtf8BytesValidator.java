package io.hearken.common.validation;

import io.hearken.common.json.StorableText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link MaxUtf8Bytes}; null passes (say {@code @NotNull} where a value is required). */
public class MaxUtf8BytesValidator implements ConstraintValidator<MaxUtf8Bytes, CharSequence> {

    private int max;

    @Override
    public void initialize(MaxUtf8Bytes annotation) {
        max = annotation.value();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || value.length() <= max / 3 || StorableText.utf8Length(value.toString()) <= max;
    }
}
