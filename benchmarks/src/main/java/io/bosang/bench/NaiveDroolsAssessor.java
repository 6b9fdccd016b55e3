package io.bosang.bench;

import io.bosang.domain.Claim;
import io.bosang.engine.Policy;
import io.bosang.engine.RuleInfo;
import io.bosang.law.Citation;
import io.bosang.params.ParameterValue;
import io.bosang.params.ReadLog;
import io.bosang.internal.files.ResourceFolders;
import io.bosang.params.Params;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.PolicyStamp;
import io.bosang.rules.ServiceOutage;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The naive baseline: what a first-time Drools integrator writes, evaluating each claim exactly as the production
 * facade does (same facts, classify-then-entitle, same provenance stamping, so the same assessments) but without a
 * shared compiled rule base.
 * <ul>
 *   <li>{@link Mode#COMPILE_PER_CLAIM}: per claim, {@code new KieHelper().addResource(drl...).build()} compiles the
 *   policy's DRL text into a new {@link KieBase} (parse, MVEL compile, Rete build), opens a session, fires, disposes.
 *   This is the "copy the getting-started snippet into the request handler" integration.</li>
 *   <li>{@link Mode#CONTAINER_PER_CLAIM}: the DRL is compiled once into a KieModule in the {@link KieServices}
 *   repository (KieFileSystem + KieBuilder at start-up, as the tutorials do); per claim,
 *   {@code kieServices.newKieContainer(releaseId).getKieBase()} re-fetches a new KieContainer and with it a new
 *   KieBase (the Rete network is rebuilt from the compiled packages; the DRL is not re-parsed), then a session.</li>
 * </ul>
 *   <li>{@link Mode#SESSION_PER_CLAIM}: the KieBase is built once and shared; per claim a fresh {@code KieSession}
 *   is created from it and disposed (the "fresh session per claim"; Bosang's own facade did this until it
 *   moved to pooled sessions).</li>
 * Production ({@link Policy#assess}) compiles the KieBase once per policy and takes a pooled session per claim
 * ({@code KieBase.newKieSessionsPool}), reset on dispose and reused.
 */
public final class NaiveDroolsAssessor {
    private static final AtomicLong RELEASES = new AtomicLong();

    public enum Mode { COMPILE_PER_CLAIM, CONTAINER_PER_CLAIM, SESSION_PER_CLAIM }

    private final Policy policy;
    private final Mode mode;
    private final Map<String, String> drl;
    private final KieServices kieServices;
    private final ReleaseId releaseId;
    private final KieBase shared;
    /** The policy's catalogue by rule id: the legal basis in words, citations and condition reads the engine stamps. */
    private final Map<String, RuleInfo> catalogue = new java.util.HashMap<>();

    public NaiveDroolsAssessor(Policy policy, Mode mode) {
        this.policy = policy;
        this.mode = mode;
        this.drl = drlOf(policy.id());
        this.kieServices = KieServices.Factory.get();
        for (RuleInfo r : policy.rules()) catalogue.put(r.ruleId(), r);
        if (mode == Mode.CONTAINER_PER_CLAIM) {
            releaseId = kieServices.newReleaseId("io.bosang.bench", "naive-" + policy.id(), "1.0." + RELEASES.incrementAndGet());
            KieFileSystem kfs = kieServices.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            drl.forEach((path, text) -> kfs.write("src/main/resources/policies/" + policy.id().replace('-', '_') + "/" + path, text));
            KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                throw new IllegalStateException("naive build failed: " + builder.getResults().getMessages());
            }
        } else {
            releaseId = null;
        }
        shared = mode == Mode.SESSION_PER_CLAIM ? compile() : null;
    }

    private KieBase compile() {
        KieHelper helper = new KieHelper();
        drl.forEach((path, text) -> helper.addResource(
                ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(path), ResourceType.DRL));
        return helper.build();
    }

    /** The policy's DRL files (relative path → text) as shipped on the class path. */
    static Map<String, String> drlOf(String policyId) {
        Path dir = ResourceFolders.onClasspath(Thread.currentThread().getContextClassLoader(), policyId)
                .orElseThrow(() -> new IllegalArgumentException("no policy " + policyId));
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (Path f : ResourceFolders.files(dir)) {
                String rel = ResourceFolders.relative(dir, f);
                if (rel.endsWith(".drl")) out.put(rel, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public Assessment assess(Claim claim, long record) {
        PolicyStamp stamp = policy.stamp();
        // Every claim of the benchmark corpora is within the shipped policies' effective dates.
        ReadLog log = new ReadLog();
        Params params = policy.parameters().on(policy.incidentDate(claim.incident()), log);
        ServiceOutage outage = ServiceOutage.of(claim.incident(), claim.service().id(), policy.calendar(),
                java.util.EnumSet.copyOf(policy.manifest().countedSeverities()));
        KieContainer container = null;
        KieBase kieBase;
        if (mode == Mode.SESSION_PER_CLAIM) {
            kieBase = shared;
        } else if (mode == Mode.COMPILE_PER_CLAIM) {
            kieBase = compile();
        } else {
            container = kieServices.newKieContainer(releaseId);
            kieBase = container.getKieBase();
        }
        KieSession session = kieBase.newKieSession();
        try {
            Map<Object, Rule> insertedBy = new IdentityHashMap<>();
            Map<Object, List<ParameterValue>> readBy = new IdentityHashMap<>();
            List<Object> firing = new ArrayList<>();
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        insertedBy.put(event.getObject(), event.getRule());
                        firing.add(event.getObject());
                    }
                }
            });
            // What each firing read is cited on what it inserted, as the engine does (the values are the shipped ones).
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    log.clear();
                    firing.clear();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    List<ParameterValue> read = log.values();
                    for (Object o : firing) readBy.put(o, read);
                }
            });
            session.insert(params);
            session.insert(claim);
            session.insert(claim.claimant());
            if (claim.claimant().business() != null) session.insert(claim.claimant().business());
            session.insert(claim.incident());
            session.insert(claim.service());
            if (claim.subscription() != null) session.insert(claim.subscription());
            session.insert(outage);
            session.insert(policy.calendar());
            AgendaGroup classify = session.getAgenda().getAgendaGroup("classify");
            if (classify != null) classify.setFocus();
            session.fireAllRules();
            List<AwardLine> lines = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof AwardLine || o instanceof Finding)) {
                Rule rule = insertedBy.get(o);
                String id = rule == null ? Policy.ENGINE_RULE : meta(rule, "ruleId");
                RuleInfo info = catalogue.get(id);
                String basis = info == null ? "" : info.legalBasis();
                List<Citation> cites = info == null ? List.of() : info.citations();
                List<ParameterValue> read = new ArrayList<>(readBy.getOrDefault(o, List.of()));
                if (info != null) {
                    for (String key : info.conditions()) {
                        ParameterValue v = params.peek(key);
                        if (v != null && !read.contains(v)) read.add(v);
                    }
                }
                if (o instanceof AwardLine l) {
                    io.bosang.result.EntitlementUnit unit = rule == null ? null : io.bosang.result.EntitlementUnit.parse(meta(rule, "oncePer"));
                    String entitlement = rule == null || meta(rule, "entitlement").isBlank() ? id : meta(rule, "entitlement");
                    AwardLine stamped = l.attributedTo(id, basis, cites, unit == null ? null : io.bosang.engine.EntitlementKeys.of(unit, entitlement, claim))
                            .withParameters(read);
                    lines.add(stamped);
                    for (ParameterValue v : stamped.parameters()) {
                        if (!v.assumed()) continue;
                        Finding f = new Finding(id, basis, cites, FindingKind.ASSUMPTION, "ASSUMED_VALUE", "'" + l.description()
                                + "' rests on an assumed value: " + v.id() + " = " + v.value() + (v.unit().isEmpty() ? "" : " " + v.unit())
                                + " (from " + v.effectiveFrom() + ")" + (v.why().isEmpty() ? "." : ": " + v.why()), List.of(v), null, null);
                        if (!findings.contains(f)) findings.add(f);
                    }
                }
                else findings.add(((Finding) o).attributedTo(id, basis, cites).withParameters(read));
            }
            if (lines.isEmpty() && findings.isEmpty()) {
                findings.add(new Finding(Policy.ENGINE_RULE, "", FindingKind.NOT_ELIGIBLE, "NO_RULE_APPLIES",
                        "No rule of " + policy.id() + " applies to this claim.", List.of()));
            }
            return Assessment.of(record, claim.id(), stamp, lines, findings);
        } finally {
            session.dispose();
            if (container != null) container.dispose();
        }
    }

    private static String meta(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        if (v == null) return "";
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }
}
