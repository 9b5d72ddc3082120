package io.hearken.insight.domain;

/** The length of the two consecutive periods a score-drop rule compares (this week against last week, …). */
public enum ScorePeriod {
    DAY, WEEK, MONTH
}
