package io.hearken.insight.domain;

/** A churn risk score read as a band, for lists and colours: LOW below 30, MEDIUM below 60, HIGH from 60. */
public enum RiskBand {
    LOW, MEDIUM, HIGH
}
