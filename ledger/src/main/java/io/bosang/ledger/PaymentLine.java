package io.bosang.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;

/**
 * One line of a re-assessment's payment file, per claimant and unit: what a revised version owes beyond what was
 * granted ({@code TOP_UP}, to pay), or what was granted beyond it ({@code OVER_GRANTED}, reported and never clawed back).
 *
 * @param action      TOP_UP or OVER_GRANTED
 * @param claimant    the claimant id as written in the claim that holds the unit
 * @param unit        what the entitlement is owed per (SUBSCRIPTION, CLAIMANT, ACCOUNT, BUSINESS, CLAIM)
 * @param unitKey     the unit's settlement key
 * @param entitlement the entitlement
 * @param kind        the award kind (CASH, CREDIT, IN_KIND, SERVICE_EXTENSION, ...)
 * @param amountKrw   money (for money kinds)
 * @param nominalKrw  nominal value (for in-kind items)
 * @param extension   extension time (for extensions), or null
 * @param rights      count of rights (a termination right), for that kind
 * @param rule        the rules of the revised version behind the line (or of the grant, for OVER_GRANTED)
 * @param reason      owed, granted and the difference, in words
 */
@JsonPropertyOrder({"action", "claimant", "unit", "unitKey", "entitlement", "kind", "amountKrw", "nominalKrw", "extension", "rights", "rule", "reason"})
public record PaymentLine(String action, String claimant, String unit, String unitKey, String entitlement, String kind,
                          long amountKrw, long nominalKrw, @JsonInclude(JsonInclude.Include.NON_NULL) Duration extension, long rights,
                          String rule, String reason) {
    public static final String TOP_UP = "TOP_UP";
    public static final String OVER_GRANTED = "OVER_GRANTED";
    static final String CSV_HEADER = "action,claimant,unit,unitKey,entitlement,kind,amountKrw,nominalKrw,extension,rights,rule,reason";

    String csv() {
        return String.join(",", action, q(claimant), unit, q(unitKey), q(entitlement), kind, Long.toString(amountKrw),
                Long.toString(nominalKrw), extension == null ? "" : extension.toString(), Long.toString(rights), q(rule), q(reason));
    }

    private static String q(String s) {
        if (s == null) return "";
        // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it as text.
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        if (!formula && s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return "\"" + (formula ? "'" : "") + s.replace("\"", "\"\"") + "\"";
    }
}
