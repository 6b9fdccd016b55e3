package io.bosang.service.workbench;

import io.bosang.compare.PolicyComparison;
import io.bosang.rules.Hours;

import java.util.List;

/**
 * The downloadable comparison report: one self-contained HTML file (charts embedded as PNG, no script), the same
 * content as {@code bosang compare --html}: totals per policy, the claims where the policies differ, and every shown
 * claim with each policy's value and why they differ.
 */
final class ComparisonReport {
    private ComparisonReport() {
    }

    static String html(List<String> ids, PolicyComparison.Summary s, List<PolicyComparison.Row> rows, String totalsChart,
                       String perClaimChart, String corpus) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>What each policy gives</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top}th{background:#f3f3f3}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%}</style></head>\n<body>\n")
                .append("<h1>What each policy gives</h1>\n<p>")
                .append(esc(String.format("%,d claims (%s) under %d policies; %,d comparable, %,d where the policies differ. Values are "
                        + "money plus the nominal value of in-kind items, in KRW; extensions are shown apart and not priced.",
                        s.claims(), corpus, ids.size(), s.comparable(), s.differing()))).append("</p>\n");
        b.append("<h2>Totals per policy</h2>\n");
        if (!totalsChart.isEmpty()) b.append("<figure><img alt=\"Total value per policy\" src=\"").append(totalsChart).append("\"></figure>\n");
        b.append("<table><tr><th>policy</th><th>version</th><th>content hash</th><th>awarded</th><th>value KRW</th><th>money KRW</th>")
                .append("<th>extension</th><th>largest for</th><th>smallest for</th><th>note</th></tr>\n");
        for (PolicyComparison.PolicyTotal t : s.policies()) {
            b.append("<tr><td>").append(esc(t.policy())).append("</td><td>").append(esc(t.version())).append("</td><td>")
                    .append(esc(t.contentHash())).append("</td>").append(num(t.awarded())).append(num(t.valueKrw())).append(num(t.moneyKrw()))
                    .append("<td>").append(esc(Hours.format(t.extension()))).append("</td>").append(num(t.largestFor()))
                    .append(num(t.smallestFor())).append("<td>").append(esc(t.label())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!perClaimChart.isEmpty()) {
            b.append("<h2>Claims where the policies differ</h2>\n<figure><img alt=\"Value per claim where the policies differ\" src=\"")
                    .append(perClaimChart).append("\"></figure>\n");
        }
        b.append("<h2>Per claim</h2>\n<table><tr><th>record</th><th>claim</th>");
        for (String id : ids) b.append("<th>").append(esc(id)).append("</th>");
        b.append("<th>why they differ</th></tr>\n");
        for (PolicyComparison.Row r : rows) {
            b.append("<tr>").append(num(r.record())).append("<td>").append(esc(r.claimId() == null ? "-" : r.claimId())).append("</td>");
            for (PolicyComparison.Cell c : r.policies()) b.append("<td>").append(esc(cell(c))).append("</td>");
            b.append("<td>").append(esc(r.why())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (rows.size() < s.claims()) b.append("<p>").append(esc(String.format("%,d more claims in the NDJSON and CSV downloads.", s.claims() - rows.size()))).append("</p>\n");
        return b.append("</body></html>\n").toString();
    }

    /** A policy's result for a claim in a few words, as {@code bosang compare} prints it. */
    static String cell(PolicyComparison.Cell c) {
        String v = switch (c.outcome()) {
            case REJECTED -> "rejected";
            case ERROR -> "error";
            case MANUAL_REVIEW -> "review" + (c.valueKrw() > 0 ? " " + String.format("%,d", c.valueKrw()) : "");
            default -> String.format("%,d", c.valueKrw());
        };
        return c.extension().isZero() ? v : v + " +" + Hours.format(c.extension());
    }

    private static String num(long n) {
        return "<td class=n>" + String.format("%,d", n) + "</td>";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
