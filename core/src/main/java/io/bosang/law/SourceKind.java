package io.bosang.law;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What kind of text a source is: how much weight it carries and how a lawyer finds it. */
public enum SourceKind {
    STATUTE("statute", "법률"),
    DECREE("decree", "시행령"),
    GUIDELINE("guideline", "지침·고시"),
    DISPUTE_STANDARD("dispute standard", "분쟁해결기준"),
    STANDARD_TERMS("standard terms", "표준약관·이용약관"),
    COMPANY_TERMS("company terms", "회사 약관"),
    COMPANY_PLAN("company plan", "보상안"),
    PRESS_REPORT("press report", "언론 보도"),
    COURT_DECISION("court decision", "판결"),
    LEGAL_INTERPRETATION("legal interpretation", "법령 해석"),
    COMMENTARY("commentary", "해설");

    private final String en;
    private final String ko;

    SourceKind(String en, String ko) {
        this.en = en;
        this.ko = ko;
    }

    /** The kind as written in the registry ({@code press-report}). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String words(boolean korean) {
        return korean ? ko : en;
    }

    /** The kind a registry entry names, or null. */
    public static SourceKind of(String id) {
        for (SourceKind k : values()) if (k.id().equals(id)) return k;
        return null;
    }
}
