package io.hearken.insight.domain;

/**
 * How urgently an alert and its follow-up case need a person, lowest first. The names are stored as they are, so
 * they never change; the order is the escalation ladder ({@link #oneUp()}).
 */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT;

    /** The next level up; URGENT is the top and stays URGENT. */
    public Priority oneUp() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
