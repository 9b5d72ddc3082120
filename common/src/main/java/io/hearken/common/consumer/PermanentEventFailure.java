package io.hearken.common.consumer;

/**
 * An event that can never be applied, whatever is retried: unreadable, of an unknown type or version, or breaking
 * the contract. The consumer loop sends its record to the dead-letter topic and moves on.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String message) {
        super(message);
    }

    public PermanentEventFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure} or one of its causes is a {@link PermanentEventFailure}. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PermanentEventFailure) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
