package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.json.ClaimWriter;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.quicktheories.generators.SourceDSL.longs;

/** The laws that speak of a whole batch: the same claims give the same assessments however they are run. */
final class BatchLaws {
    private BatchLaws() {
    }

    /** A law over generated batches of distinct claimants' claims. */
    abstract static class Batch implements Invariant {
        abstract Judgement judge(List<Claim> claims, CheckContext ctx);

        @Override
        public InvariantResult check(String name, CheckContext ctx) {
            int size = Math.min(64, Math.max(ctx.seeds.size() * 2, 8));
            Function<Long, List<Claim>> build = s -> {
                Random r = new Random(s);
                List<Claim> claims = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    CheckContext.Variant v = new CheckContext.Variant(r.nextInt(ctx.seeds.size()), r.nextInt((int) CheckContext.MAX_EXTRA_MINUTES),
                            r.nextInt((int) CheckContext.MAX_FEE_DELTA), r.nextInt((int) CheckContext.MAX_DECLARED_DELTA), r.nextInt(CheckContext.MAX_USAGE_DELTA));
                    claims.add(CheckContext.unique(ctx.apply(v), i));
                }
                return claims;
            };
            int runs = Math.max(1, ctx.examples / 20);
            Gen<Long> shuffles = longs().between(0, Long.MAX_VALUE / 2);
            Falsifier.Found<Long> found = Falsifier.search(ctx.seed, runs, 20, shuffles, s -> judge(build.apply(s), ctx));
            if (found.smallest() == null) return InvariantResult.held(name, runs, found.exercised());
            List<Claim> claims = build.apply(found.smallest());
            String message = Falsifier.judge(c -> judge(c, ctx), claims).violation();
            Claim culprit = claims.stream().filter(c -> message.contains(c.id())).findFirst().orElse(claims.get(0));
            return InvariantResult.broken(name, found.tried(), found.exercised(), message, ClaimWriter.scenarioSnippet(culprit));
        }

        static Map<String, Assessment> byId(List<Assessment> out) {
            Map<String, Assessment> m = new HashMap<>();
            for (Assessment a : out) m.put(a.claimId(), a);
            return m;
        }

        static boolean engaged(List<Assessment> out) {
            return out.stream().anyMatch(CheckContext::engaged);
        }
    }

    /** {@code deterministic}: the same claim gives the same assessment, alone or in a batch, on any thread count. */
    static final class Deterministic extends Batch {
        @Override
        Judgement judge(List<Claim> claims, CheckContext ctx) {
            List<Assessment> oneList = ctx.runBatch(claims, 1);
            Map<String, Assessment> one = byId(oneList);
            Map<String, Assessment> two = byId(ctx.runBatch(claims, 2));
            for (Claim c : claims) {
                String alone = Json.line(ctx.policy.assess(c).atRecord(0));
                String again = Json.line(ctx.policy.assess(c).atRecord(0));
                if (!alone.equals(again)) return Judgement.broken("claim " + c.id() + " assessed twice gave two different assessments");
                String batchOne = Json.line(one.get(c.id()).atRecord(0));
                String batchTwo = Json.line(two.get(c.id()).atRecord(0));
                if (!batchOne.equals(batchTwo)) return Judgement.broken("claim " + c.id() + " differs between 1 and 2 threads");
                if (!alone.equals(batchOne)) return Judgement.broken("claim " + c.id() + " differs alone and in a batch");
            }
            return engaged(oneList) ? Judgement.HOLDS : Judgement.SILENT;
        }
    }

    /** {@code order-independent}: a batch of distinct claimants in another order gives every claim the same assessment. */
    static final class OrderIndependent extends Batch {
        @Override
        Judgement judge(List<Claim> claims, CheckContext ctx) {
            List<Assessment> inOrderList = ctx.runBatch(claims, 1);
            Map<String, Assessment> inOrder = byId(inOrderList);
            List<Claim> shuffled = new ArrayList<>(claims);
            Collections.shuffle(shuffled, new Random(claims.size() * 31L + claims.get(0).id().hashCode()));
            Map<String, Assessment> other = byId(ctx.runBatch(shuffled, 2));
            for (Claim c : claims) {
                if (!Json.line(inOrder.get(c.id()).atRecord(0)).equals(Json.line(other.get(c.id()).atRecord(0)))) {
                    return Judgement.broken("claim " + c.id() + " is assessed differently when the batch is in another order");
                }
            }
            return engaged(inOrderList) ? Judgement.HOLDS : Judgement.SILENT;
        }
    }
}
