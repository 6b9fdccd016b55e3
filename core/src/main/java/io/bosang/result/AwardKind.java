package io.bosang.result;

/** What an award line gives. Money kinds count toward {@link Totals#monetaryKrw()}; in-kind items have a nominal value. */
public enum AwardKind {
    CASH, POINTS, CREDIT, REFUND, FEE_WAIVER, SERVICE_EXTENSION, IN_KIND, TERMINATION_RIGHT;

    /** True for kinds whose amount is money the operator pays or forgoes. */
    public boolean monetary() {
        return this == CASH || this == POINTS || this == CREDIT || this == REFUND || this == FEE_WAIVER;
    }
}
