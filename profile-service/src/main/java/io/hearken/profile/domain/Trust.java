package io.hearken.profile.domain;

/**
 * How far Hearken may believe an identity. VERIFIED: it arrived in a signed invitation, an authenticated admin or
 * partner call, an import or a signed webhook. CLAIMED: a respondent typed it on a public form, which anyone can.
 */
public enum Trust {
    VERIFIED, CLAIMED;

    public static Trust of(boolean verified) {
        return verified ? VERIFIED : CLAIMED;
    }
}
