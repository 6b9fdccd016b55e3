package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.List;

/**
 * Sums of an assessment's lines: money, nominal in-kind value and extension time are never added together.
 *
 * @param monetaryKrw      sum of money lines (cash, points, credit, refund, fee waiver)
 * @param nominalInKindKrw sum of in-kind lines' nominal values
 * @param extension        sum of service extensions
 */
@JsonPropertyOrder({"monetaryKrw", "nominalInKindKrw", "extension"})
public record Totals(long monetaryKrw, long nominalInKindKrw, Duration extension) {
    public static final Totals ZERO = new Totals(0, 0, Duration.ZERO);

    public static Totals of(List<AwardLine> lines) {
        long money = 0;
        long nominal = 0;
        Duration ext = Duration.ZERO;
        for (AwardLine l : lines) {
            if (l.kind().monetary()) money = Math.addExact(money, l.amountKrw());
            nominal = Math.addExact(nominal, l.nominalValueKrw());
            if (l.extension() != null) ext = ext.plus(l.extension());
        }
        return new Totals(money, nominal, ext);
    }

    /** Money plus nominal in-kind value: the single figure comparisons rank by. */
    public long valueKrw() {
        return monetaryKrw + nominalInKindKrw;
    }
}
