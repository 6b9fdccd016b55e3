package io.bosang.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.domain.Business;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Service;
import io.bosang.json.ClaimWriter;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import org.quicktheories.core.Gen;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.quicktheories.generators.SourceDSL.integers;

/**
 * {@code no-double-payment}: families of one claimant's claims, settled in order as one run settles them, are not
 * paid twice for one thing. A generated claim is paired with a variant of it:
 * <ul>
 *   <li>the same claim resubmitted under another id; with another harm; with its claim id spelt otherwise; with its
 *       claimant id spelt otherwise and another harm — in each, a rule that paid the first claim must not pay the
 *       variant again, whatever its declaration says (the unit it declares is checked, not trusted);</li>
 *   <li>the same subscription claimed through another service of the incident: what is owed per claimant,
 *       subscription or business is not paid again (what is owed per account or claim may be, for another service);</li>
 *   <li>the same business (its registration number written otherwise) claiming under another login: what is owed
 *       per business is not paid again.</li>
 * </ul>
 * A family is exercised when one rule applies to both claims (each assessed alone), so the law had something to forbid.
 */
final class NoDoublePayment implements Invariant {
    enum Kind {
        RESUBMITTED("resubmitted under another id"),
        OTHER_HARM("another harm"),
        CLAIM_ID_SPELLING("its claim id spelt otherwise"),
        CLAIMANT_ID_SPELLING("its claimant id spelt otherwise and another harm"),
        OTHER_SERVICE("the same subscription claimed through another service"),
        SAME_BUSINESS("the same business under another login");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    record Family(CheckContext.Variant variant, int kind, int pick) {
    }

    @Override
    public InvariantResult check(String name, CheckContext ctx) {
        // Every seed claim with every kind of variant first, so a rule that only a few scenarios reach is not missed
        // by chance; then generated variants of them.
        int tried = 0;
        int exercised = 0;
        Family f = null;
        for (int i = 0; i < ctx.seeds.size() && f == null; i++) {
            for (int k = 0; k < Kind.values().length && f == null; k++) {
                Family each = new Family(new CheckContext.Variant(i, 0, 0, 0, 0), k, i);
                Judgement j = Falsifier.judge(x -> judge(x, ctx), each);
                tried++;
                if (j.spoke()) exercised++;
                if (!j.holds()) f = each;
            }
        }
        if (f == null) {
            Gen<Family> families = ctx.variants().zip(integers().between(0, Kind.values().length - 1), integers().between(0, 1000), Family::new);
            Falsifier.Found<Family> found = Falsifier.search(ctx.seed, ctx.examples, 200, families, x -> judge(x, ctx));
            tried += found.tried();
            exercised += found.exercised();
            if (found.smallest() == null) return InvariantResult.held(name, tried, exercised);
            f = found.smallest();
        }
        Claim first = ctx.apply(f.variant());
        Claim second = variant(first, Kind.values()[f.kind()], f.pick());
        ObjectNode snippet = ClaimWriter.scenarioSnippet(first);
        snippet.remove("claim");
        ArrayNode claims = snippet.putArray("claims");
        claims.add(ClaimWriter.claim(first));
        claims.add(ClaimWriter.claim(second == null ? first : second));
        Family broken = f;
        return InvariantResult.broken(name, tried, exercised, Falsifier.judge(x -> judge(x, ctx), broken).violation(), snippet);
    }

    private Judgement judge(Family f, CheckContext ctx) {
        Kind kind = Kind.values()[f.kind()];
        Claim first = ctx.apply(f.variant());
        Claim second = variant(first, kind, f.pick());
        if (second == null) return Judgement.SILENT;
        Assessment alone = ctx.policy.assess(first);
        Assessment otherAlone = ctx.policy.assess(second);
        Set<String> paidFirst = rules(alone, null);
        Set<EntitlementUnit> guarded = switch (kind) {
            case OTHER_SERVICE -> EnumSet.of(EntitlementUnit.CLAIMANT, EntitlementUnit.SUBSCRIPTION, EntitlementUnit.BUSINESS);
            case SAME_BUSINESS -> EnumSet.of(EntitlementUnit.BUSINESS);
            default -> null;   // every rule: the variant differs only in what no entitlement depends on
        };
        Set<String> shared = rules(otherAlone, guarded);
        shared.retainAll(paidFirst);
        if (shared.isEmpty()) return Judgement.SILENT;
        List<Assessment> settled = ctx.runBatch(List.of(first, second), 1);
        for (AwardLine l : settled.get(1).lines()) {
            if (!paidFirst.contains(l.ruleId()) || (guarded != null && (l.owedPer() == null || !guarded.contains(l.owedPer().unit())))) continue;
            AwardLine before = alone.lines().stream().filter(x -> x.ruleId().equals(l.ruleId())).findFirst().orElse(l);
            return Judgement.broken("claim " + first.id() + " and " + second.id() + " (" + kind.words + ") were both paid by " + l.ruleId()
                    + ": '" + l.description() + "' settled per " + unitText(before) + " and then per " + unitText(l)
                    + " — declare what it is owed per with @oncePer (subscription, claimant, account, business)");
        }
        return Judgement.HOLDS;
    }

    private static String unitText(AwardLine l) {
        return l.owedPer() == null ? "nothing" : l.owedPer().unit() + " " + l.owedPer().key();
    }

    /** The rule ids of the assessment's lines, only those owed per one of {@code units} when given. */
    private static Set<String> rules(Assessment a, Set<EntitlementUnit> units) {
        Set<String> ids = new TreeSet<>();
        for (AwardLine l : a.lines()) {
            if (units == null || (l.owedPer() != null && units.contains(l.owedPer().unit()))) ids.add(l.ruleId());
        }
        return ids;
    }

    /** The family member of {@code c} of the given kind, or null when the claim has no such variant. */
    static Claim variant(Claim c, Kind kind, int pick) {
        return switch (kind) {
            case RESUBMITTED -> c.withId(c.id() + "#again");
            case OTHER_HARM -> with(c, c.id() + "#harm", c.claimant(), c.service(), otherHarm(c.harm(), pick));
            case CLAIM_ID_SPELLING -> with(c, respell(c.id(), pick), c.claimant(), c.service(), c.harm());
            case CLAIMANT_ID_SPELLING -> {
                Claimant k = c.claimant();
                Claimant respelt = new Claimant(respell(k.id(), pick), k.kind(), k.phoneCountry(), k.business());
                yield with(c, c.id() + "#who", respelt, c.service(), otherHarm(c.harm(), pick));
            }
            case OTHER_SERVICE -> {
                if (c.subscription() == null) yield null;
                List<Service> others = c.incident().services().stream().filter(s -> !s.id().equals(c.service().id())).toList();
                yield others.isEmpty() ? null : with(c, c.id() + "#svc", c.claimant(), others.get(pick % others.size()), c.harm());
            }
            case SAME_BUSINESS -> {
                Business b = c.claimant().business();
                if (b == null || b.registrationNumber().isBlank()) yield null;
                String number = b.registrationNumber().replaceAll("[^0-9]", "");
                String reformatted = number.equals(b.registrationNumber()) && number.length() == 10
                        ? number.substring(0, 3) + "-" + number.substring(3, 5) + "-" + number.substring(5) : number;
                Claimant login = new Claimant(c.claimant().id() + "#login", c.claimant().kind(), c.claimant().phoneCountry(),
                        new Business(b.industry(), b.annualRevenueKrw(), b.employees(), reformatted));
                yield with(c, c.id() + "#biz", login, c.service(), otherHarm(c.harm(), pick));
            }
        };
    }

    private static HarmKind otherHarm(HarmKind harm, int pick) {
        HarmKind[] all = HarmKind.values();
        return all[(harm.ordinal() + 1 + pick % (all.length - 1)) % all.length];
    }

    /** Another spelling of one identifier: case, full-width letters, an en dash or minus sign for '-', spaces around. */
    static String respell(String id, int pick) {
        return switch (pick % 4) {
            case 0 -> id.toUpperCase(java.util.Locale.ROOT).equals(id) ? id.toLowerCase(java.util.Locale.ROOT) : id.toUpperCase(java.util.Locale.ROOT);
            case 1 -> fullWidth(id);
            case 2 -> id.replace('-', '\u2013');
            default -> "  " + id.replace('-', '\u2212') + " ";
        };
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) b.append(ch >= 0x21 && ch <= 0x7e ? (char) (ch + 0xfee0) : ch);
        return b.toString();
    }

    private static Claim with(Claim c, String id, Claimant who, Service service, HarmKind harm) {
        return new Claim(id, who, c.incident(), service, c.subscription(), harm, c.filedAt(), c.declared(), c.usage(), c.evidence());
    }
}
