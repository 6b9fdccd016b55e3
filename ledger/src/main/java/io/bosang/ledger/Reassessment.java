package io.bosang.ledger;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.result.PolicyStamp;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A re-assessment of a policy's recorded claims under a revised version, as recorded.
 *
 * @param id           its number in the ledger
 * @param policy       the revised version
 * @param claims       claims re-assessed
 * @param erased       claims not re-assessed because their claimant's data was erased (their grants stay held)
 * @param unreadable   claims whose stored JSON the revised set of incidents cannot read (named in {@code problems})
 * @param topUps       TOP_UP lines (to pay)
 * @param overGranted  OVER_GRANTED lines (reported, kept)
 * @param topUpKrw     money to pay
 * @param topUpNominalKrw nominal in-kind value to give
 * @param lines        the payment file, one line per claimant, unit, entitlement and kind
 * @param problems     claims that could not be re-assessed, by decision number and why
 */
@JsonPropertyOrder({"id", "policy", "claims", "erased", "unreadable", "topUps", "overGranted", "topUpKrw", "topUpNominalKrw", "problems", "lines"})
public record Reassessment(long id, PolicyStamp policy, long claims, long erased, long unreadable, long topUps, long overGranted,
                           long topUpKrw, long topUpNominalKrw, List<String> problems, List<PaymentLine> lines) {

    /** The payment file as CSV (a header, then one line per payment line). */
    public void writeCsv(Writer out) throws IOException {
        out.write(PaymentLine.CSV_HEADER);
        out.write('\n');
        for (PaymentLine l : lines) {
            out.write(l.csv());
            out.write('\n');
        }
        out.flush();
    }

    /** The payment file as NDJSON (one payment line per line). */
    public void writeNdjson(Writer out) throws IOException {
        for (PaymentLine l : lines) {
            out.write(io.bosang.json.Json.line(l));
            out.write('\n');
        }
        out.flush();
    }
}
