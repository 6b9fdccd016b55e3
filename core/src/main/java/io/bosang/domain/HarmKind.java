package io.bosang.domain;

/** What the claimant says the outage did to them. */
public enum HarmKind {
    SERVICE_UNAVAILABLE, LOST_SALES, LOST_INCOME, EXTRA_COST, DATA_LOSS, DISTRESS, OTHER
}
