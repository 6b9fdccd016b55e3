package io.bosang.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.domain.Claim;
import io.bosang.domain.Disruption;
import io.bosang.domain.Evidence;
import io.bosang.domain.Incident;
import io.bosang.domain.Service;

import java.util.Map;

/**
 * The inverse of {@link ClaimReader} and of the incident file format: writes a claim (and its incident) as the JSON a
 * claims file or a scenario takes, so a generated counter-example can be pasted into a scenario as it is.
 */
public final class ClaimWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ClaimWriter() {
    }

    /** The claim in the claims-file format; the incident is referred to by its id. */
    public static ObjectNode claim(Claim c) {
        ObjectNode n = F.objectNode();
        n.put("id", c.id());
        n.put("incident", c.incident().id());
        n.put("service", c.service().id());
        ObjectNode claimant = n.putObject("claimant");
        claimant.put("id", c.claimant().id());
        claimant.put("kind", c.claimant().kind().name());
        if (!c.claimant().phoneCountry().isEmpty()) claimant.put("phoneCountry", c.claimant().phoneCountry());
        if (c.claimant().business() != null) {
            ObjectNode b = claimant.putObject("business");
            b.put("industry", c.claimant().business().industry());
            b.put("annualRevenueKrw", c.claimant().business().annualRevenueKrw());
            b.put("employees", c.claimant().business().employees());
            if (!c.claimant().business().registrationNumber().isEmpty()) {
                b.put("registrationNumber", c.claimant().business().registrationNumber());
            }
        }
        if (c.subscription() != null) {
            ObjectNode s = n.putObject("subscription");
            if (c.subscription().id() != null) s.put("id", c.subscription().id());
            s.put("plan", c.subscription().plan());
            s.put("monthlyFeeKrw", c.subscription().monthlyFeeKrw());
            s.put("billing", c.subscription().billing().name());
            s.put("start", Json.dateTime(c.subscription().start()));
            if (c.subscription().end() != null) s.put("end", Json.dateTime(c.subscription().end()));
        }
        n.put("harm", c.harm().name());
        n.put("filedAt", Json.dateTime(c.filedAt()));
        if (!c.declared().isEmpty()) putCounts(n.putObject("declared"), c.declared());
        if (!c.usage().isEmpty()) putCounts(n.putObject("usage"), c.usage());
        if (!c.evidence().isEmpty()) {
            ArrayNode ev = n.putArray("evidence");
            for (Evidence e : c.evidence()) {
                ObjectNode o = ev.addObject();
                o.put("kind", e.kind().name());
                if (e.reference() != null && !e.reference().isEmpty()) o.put("reference", e.reference());
            }
        }
        return n;
    }

    /** The incident in the incident-file format (the {@code incidents:} entries of a scenario file). */
    public static ObjectNode incident(Incident i) {
        ObjectNode n = F.objectNode();
        n.put("id", i.id());
        ObjectNode op = n.putObject("operator");
        op.put("id", i.operator().id());
        op.put("name", i.operator().name());
        if (!i.title().isEmpty()) n.put("title", i.title());
        if (!i.cause().isEmpty()) n.put("cause", i.cause());
        n.put("fault", i.fault().name());
        if (!i.faultBasis().isEmpty()) n.put("faultBasis", i.faultBasis());
        n.put("startedAt", Json.dateTime(i.startedAt()));
        if (i.priorNotice() == null) {
            n.putNull("priorNotice");
        } else {
            ObjectNode p = n.putObject("priorNotice");
            p.put("givenAt", Json.dateTime(i.priorNotice().givenAt()));
            if (i.priorNotice().means() != null) p.put("means", i.priorNotice().means());
        }
        ArrayNode services = n.putArray("services");
        for (Service s : i.services()) {
            ObjectNode o = services.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            o.put("category", s.category().name());
            o.put("payment", s.payment().name());
        }
        ArrayNode disruptions = n.putArray("disruptions");
        for (Disruption d : i.disruptions()) {
            ObjectNode o = disruptions.addObject();
            o.put("service", d.serviceId());
            o.put("start", Json.dateTime(d.start()));
            o.put("end", Json.dateTime(d.end()));
            o.put("severity", d.severity().name());
            o.put("end-basis", d.endBasis().text());
        }
        return n;
    }

    /** A scenario-ready pair: {@code {incident: {...}, claim: {...}}}. */
    public static ObjectNode scenarioSnippet(Claim c) {
        ObjectNode n = F.objectNode();
        n.set("incident", incident(c.incident()));
        n.set("claim", claim(c));
        return n;
    }

    private static void putCounts(ObjectNode target, Map<String, Long> values) {
        values.forEach(target::put);
    }
}
