package io.bosang.domain;

/** What kind of service: policies scope themselves by category (content, telecom, mobility...). */
public enum ServiceCategory {
    MESSAGING, PORTAL, MAIL, CONTENT, GAME, MUSIC, VIDEO, STORAGE, PAYMENT, COMMERCE, MAP, MOBILITY,
    BUSINESS_TOOL, TELECOM_MOBILE, TELECOM_BROADBAND, OTHER
}
