package io.bosang.domain;

/** Kinds of supporting documents. The four of Kakao's small-business intake come first. */
public enum EvidenceKind {
    SMALL_BUSINESS_CERTIFICATE, SALES_RECORD, PROOF_OF_USE, BANK_ACCOUNT, RECEIPT, SCREENSHOT, OTHER
}
