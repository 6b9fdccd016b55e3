package io.bosang.domain;

/** Who bills the subscription. An app store's billing date cannot be moved, so extensions become credits. */
public enum BillingChannel {
    DIRECT, APP_STORE_IN_APP, PARTNER, CARRIER
}
