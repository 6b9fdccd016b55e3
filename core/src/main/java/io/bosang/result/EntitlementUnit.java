package io.bosang.result;

import java.util.Locale;

/**
 * What an entitlement is owed per. A rule declares it with {@code @oncePer(...)}; a run grants each entitlement once
 * per unit and key, whatever the harm or the claim id of the claims that ask for it.
 */
public enum EntitlementUnit {
    /** Each claim on its own (rarely right: a resubmission with another harm would be paid again). */
    CLAIM,
    /** The person or business claiming, e.g. a free user's package per KakaoTalk account. */
    CLAIMANT,
    /** One paid plan or line of the claimant: an extension, a refund or credit of that plan's fee. */
    SUBSCRIPTION,
    /** The claimant's account on the claimed service's platform, e.g. a Kakao T driver account, a Webtoon account. */
    ACCOUNT,
    /** A business, by its registration number: a small business's loss tier, measured on the business's sales. */
    BUSINESS;

    /** Parses a {@code @oncePer} value, case-insensitively; null when it names no unit. */
    public static EntitlementUnit parse(String text) {
        if (text == null) return null;
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (EntitlementUnit u : values()) if (u.name().equals(t)) return u;
        return null;
    }

    /** The unit in words, for explanations. */
    public String words(boolean korean) {
        return switch (this) {
            case CLAIM -> korean ? "청구 건당" : "per claim";
            case CLAIMANT -> korean ? "청구인당" : "per claimant";
            case SUBSCRIPTION -> korean ? "이용계약(구독·회선)당" : "per subscription";
            case ACCOUNT -> korean ? "서비스 계정당" : "per account";
            case BUSINESS -> korean ? "사업자당" : "per business";
        };
    }
}
