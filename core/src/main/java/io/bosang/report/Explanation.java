package io.bosang.report;

import io.bosang.domain.Claim;
import io.bosang.engine.Policy;
import io.bosang.engine.RuleInfo;
import io.bosang.law.Citation;
import io.bosang.law.Source;
import io.bosang.params.Certainty;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardKind;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.Outcome;
import io.bosang.rules.Hours;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One claim's assessment as prose, in English or Korean: the outcome, each amount with its derivation, rule, legal
 * basis and the parameters it read with their effective dates and certainty, then the findings, then every source
 * cited in full (title, article, issuer, date, address) in the language asked for. The fixed phrases are translated;
 * the descriptions, derivations and legal-basis summaries are shown as the rule authors wrote them, so the
 * explanation never says more than the rules do.
 */
public final class Explanation {
    /** The languages an explanation is written in. */
    public enum Lang {
        EN, KO;

        public static Lang of(String tag) {
            return switch (tag.toLowerCase(Locale.ROOT)) {
                case "ko", "kr", "korean", "한국어" -> KO;
                case "en", "english" -> EN;
                default -> throw new IllegalArgumentException("unknown language '" + tag + "': use en or ko");
            };
        }
    }

    private static final Map<Outcome, String> OUTCOME_KO = new EnumMap<>(Map.of(
            Outcome.AWARD, "보상 대상", Outcome.NO_AWARD, "보상 없음", Outcome.MANUAL_REVIEW, "개별 심사",
            Outcome.REJECTED, "입력 오류로 반려", Outcome.ERROR, "규칙 오류"));
    private static final Map<Outcome, String> OUTCOME_EN = new EnumMap<>(Map.of(
            Outcome.AWARD, "an award", Outcome.NO_AWARD, "no award", Outcome.MANUAL_REVIEW, "manual review",
            Outcome.REJECTED, "rejected input", Outcome.ERROR, "a rule error"));
    private static final Map<AwardKind, String> KIND_KO = new EnumMap<>(Map.of(
            AwardKind.CASH, "현금", AwardKind.POINTS, "포인트", AwardKind.CREDIT, "크레딧", AwardKind.REFUND, "환불",
            AwardKind.FEE_WAIVER, "수수료 면제", AwardKind.SERVICE_EXTENSION, "이용 기간 연장", AwardKind.IN_KIND, "현물",
            AwardKind.TERMINATION_RIGHT, "계약 해지권"));
    private static final Map<FindingKind, String> FINDING_KO = new EnumMap<>(Map.of(
            FindingKind.NOT_ELIGIBLE, "대상 아님", FindingKind.CAPPED, "한도 적용", FindingKind.MANUAL_REVIEW, "개별 심사",
            FindingKind.ASSUMPTION, "가정", FindingKind.NOTE, "참고"));

    private Explanation() {
    }

    /** Writes the explanation of {@code a}, the assessment of {@code claim} under {@code policy}. */
    public static String of(Claim claim, Assessment a, Policy policy, Lang lang) {
        boolean ko = lang == Lang.KO;
        StringBuilder b = new StringBuilder();
        String who = claim == null ? "" : claim.claimant().kind() + " " + claim.claimant().id();
        if (ko) {
            b.append("청구 ").append(a.claimId()).append(claim == null ? "" : " (" + who + ", 서비스 " + claim.service().name()
                    + ", 장애 " + claim.incident().id() + " " + policy.incidentDate(claim.incident()) + ")").append("\n");
            b.append("적용 정책: ").append(policy.manifest().title()).append(" [").append(policy.id()).append(" ")
                    .append(policy.version()).append("]\n");
            b.append("결과: ").append(OUTCOME_KO.get(a.outcome())).append(". ");
            b.append(String.format("금전 %,d원, 현물 명목가 %,d원, 연장 %s.%n", a.totals().monetaryKrw(), a.totals().nominalInKindKrw(),
                    Hours.format(a.totals().extension())));
        } else {
            b.append("Claim ").append(a.claimId()).append(claim == null ? "" : " (" + who + ", service " + claim.service().name()
                    + ", incident " + claim.incident().id() + " of " + policy.incidentDate(claim.incident()) + ")").append("\n");
            b.append("Policy: ").append(policy.manifest().title()).append(" [").append(policy.id()).append(" ")
                    .append(policy.version()).append("]\n");
            b.append("Outcome: ").append(OUTCOME_EN.get(a.outcome())).append(". ");
            b.append(String.format("Money %,d KRW, in kind %,d KRW nominal, extension %s.%n", a.totals().monetaryKrw(),
                    a.totals().nominalInKindKrw(), Hours.format(a.totals().extension())));
        }
        if (!policy.manifest().label().isEmpty()) b.append(ko ? "주의: " : "Caution: ").append(policy.manifest().label()).append("\n");
        if (a.rejection() != null) {
            b.append(ko ? "사유: " : "Reason: ").append(a.rejection().field()).append(" — ").append(a.rejection().reason()).append("\n");
        }
        int n = 0;
        for (AwardLine l : a.lines()) {
            n++;
            b.append("\n").append(n).append(". ").append(l.description()).append(": ").append(amount(l, ko)).append("\n");
            b.append(ko ? "   산정: " : "   How: ").append(l.derivation()).append("\n");
            RuleInfo rule = rule(policy, l.ruleId());
            b.append(ko ? "   규칙: " : "   Rule: ").append(l.ruleId());
            if (rule != null && rule.exceptionOf() != null) {
                b.append(ko ? " (" + rule.exceptionOf() + "의 예외)" : " (an exception to " + rule.exceptionOf() + ")");
            }
            b.append("\n");
            b.append(ko ? "   근거: " : "   Basis: ").append(l.legalBasis()).append("\n");
            for (Citation c : l.citations()) b.append(ko ? "     출처: " : "     Source: ").append(c.render(ko)).append("\n");
            for (ParameterValue v : l.parameters()) {
                b.append(ko ? "   매개변수 " : "   Parameter ").append(v.id()).append(" = ").append(v.value())
                        .append(v.unit() == null || v.unit().isEmpty() ? "" : " " + v.unit())
                        .append(ko ? " (" + v.effectiveFrom() + "부터 시행, " : " (in force from " + v.effectiveFrom() + ", ")
                        .append(v.certainty().words(ko))
                        .append(v.certainty() == Certainty.OFFICIAL || v.why().isEmpty() ? "" : ": " + v.why())
                        .append(v.reference().isEmpty() ? "" : (ko ? "; 출처: " : "; sources: ") + v.reference())
                        .append(")\n");
            }
            if (l.owedPer() != null) {
                b.append(ko ? "   지급 단위: " : "   Owed: ").append(ko ? "" : "once ").append(l.owedPer().unit().words(ko)).append(ko ? " 1회" : "")
                        .append(ko ? " (기준 " : " (key ").append(l.owedPer().key())
                        .append(ko ? ", 급부 " : ", entitlement ").append(l.owedPer().entitlement()).append(")\n");
            }
            if (l.quota() != null) {
                b.append(ko ? "   수량 한도: " : "   Limited: ").append(l.quota().pool())
                        .append(" ≤ ").append(String.format("%,d", l.quota().limit())).append(ko ? " (선착순)" : " (first come, first served)").append("\n");
            }
        }
        if (!a.findings().isEmpty()) {
            b.append("\n").append(ko ? "판단 사항:" : "Findings:").append("\n");
            for (Finding f : a.findings()) {
                b.append("- [").append(ko ? FINDING_KO.get(f.kind()) : f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append("] ").append(f.code()).append(": ").append(f.message());
                if (!f.ruleId().isEmpty()) b.append(ko ? " (규칙 " : " (rule ").append(f.ruleId()).append(")");
                b.append("\n");
                if (!f.legalBasis().isEmpty()) b.append(ko ? "  근거: " : "  Basis: ").append(f.legalBasis()).append("\n");
                for (Citation c : f.citations()) b.append(ko ? "    출처: " : "    Source: ").append(c.render(ko)).append("\n");
                if (f.owedPer() != null) {
                    b.append(ko ? "  지급 단위: " : "  Owed: ").append(ko ? "" : "once ").append(f.owedPer().unit().words(ko)).append(ko ? " 1회" : "")
                            .append(ko ? " (기준 " : " (key ").append(f.owedPer().key()).append(")\n");
                }
                if (f.priorGrant() != null) {
                    b.append(ko ? "  이미 지급: 청구 " : "  Already settled with claim ").append(f.priorGrant().claimId())
                            .append(ko ? " (레코드 " : " (record ").append(f.priorGrant().record()).append(")\n");
                }
            }
        }
        java.util.List<Source> sources = a.sources();
        if (!sources.isEmpty()) {
            b.append("\n").append(ko ? "인용 출처:" : "Sources cited:").append("\n");
            for (Source s : sources) {
                b.append("- [").append(s.id()).append("] ").append(s.render("", ko)).append("\n");
                if (!s.via().isEmpty()) b.append(ko ? "  확인 경로: " : "  known through: ").append(String.join(", ", s.via())).append("\n");
                for (io.bosang.law.Quotation q : s.quotations()) {
                    b.append("  ").append(q.fidelity() == io.bosang.law.Quotation.Fidelity.VERBATIM ? (ko ? "원문: " : "verbatim: ") : (ko ? "요지(의역): " : "paraphrase: "))
                            .append(q.text()).append("\n");
                }
            }
        }
        b.append("\n").append(ko ? "정책 내용 해시: " : "Policy content hash: ").append(policy.contentHash()).append("\n");
        return b.toString();
    }

    private static RuleInfo rule(Policy policy, String ruleId) {
        for (RuleInfo r : policy.rules()) if (r.ruleId().equals(ruleId)) return r;
        return null;
    }

    private static String amount(AwardLine l, boolean ko) {
        return switch (l.kind()) {
            case SERVICE_EXTENSION -> (ko ? "연장 " : "extension of ") + Hours.format(l.extension());
            case IN_KIND -> ko ? String.format("현물 (명목가 %,d원)", l.nominalValueKrw()) : String.format("in kind (nominal %,d KRW)", l.nominalValueKrw());
            case TERMINATION_RIGHT -> ko ? "계약 해지권" : "a right to terminate";
            default -> ko ? String.format("%s %,d원", KIND_KO.get(l.kind()), l.amountKrw())
                    : String.format("%,d KRW %s", l.amountKrw(), l.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }
}
