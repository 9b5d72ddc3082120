package io.hearken.common.security;

/** A gateway credential that is malformed, forged, expired or meant for another service; the reason is for logs. */
public class InvalidCredentialException extends Exception {

    public InvalidCredentialException(String reason) {
        super(reason);
    }
}
