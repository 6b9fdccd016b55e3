package io.bosang.service.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.domain.BillingChannel;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.EvidenceKind;
import io.bosang.domain.HarmKind;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.json.ClaimReader;
import io.bosang.json.Json;
import io.bosang.report.Explanation;
import io.bosang.result.Assessment;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Try a claim: a form for the common fields (or pasted JSON), read by the same strict claim reader as every other
 * entry point, assessed by the served policy and explained line by line as {@code bosang explain} writes it.
 */
@Controller
public class TryPage {
    private final PolicySources sources;
    private final ClaimReader reader;

    public TryPage(PolicySources sources, ClaimReader reader) {
        this.sources = sources;
        this.reader = reader;
    }

    /** The form's fields; empty strings are left out of the claim. */
    public static final class Form {
        public String policy = "kakao-1015-2022";
        public String mode = "form";
        public String json = "";
        public String id = "K-0009";
        public String incident = "kakao-2022-10-15";
        public String service = "kakao-webtoon";
        public String claimantId = "U-0009";
        public String claimantKind = "CONSUMER";
        public String phoneCountry = "KR";
        public String harm = "SERVICE_UNAVAILABLE";
        public String filedAt = "2022-10-25T10:00:00+09:00";
        public String plan = "webtoon-pass";
        public String monthlyFeeKrw = "4900";
        public String billing = "DIRECT";
        public String subscriptionStart = "2022-10-01T00:00:00+09:00";
        public String industry = "";
        public String annualRevenueKrw = "";
        public String employees = "";
        public String declared = "";
        public List<String> evidence = new ArrayList<>();

        public String getPolicy() { return policy; }
        public void setPolicy(String v) { policy = v; }
        public String getMode() { return mode; }
        public void setMode(String v) { mode = v; }
        public String getJson() { return json; }
        public void setJson(String v) { json = v; }
        public String getId() { return id; }
        public void setId(String v) { id = v; }
        public String getIncident() { return incident; }
        public void setIncident(String v) { incident = v; }
        public String getService() { return service; }
        public void setService(String v) { service = v; }
        public String getClaimantId() { return claimantId; }
        public void setClaimantId(String v) { claimantId = v; }
        public String getClaimantKind() { return claimantKind; }
        public void setClaimantKind(String v) { claimantKind = v; }
        public String getPhoneCountry() { return phoneCountry; }
        public void setPhoneCountry(String v) { phoneCountry = v; }
        public String getHarm() { return harm; }
        public void setHarm(String v) { harm = v; }
        public String getFiledAt() { return filedAt; }
        public void setFiledAt(String v) { filedAt = v; }
        public String getPlan() { return plan; }
        public void setPlan(String v) { plan = v; }
        public String getMonthlyFeeKrw() { return monthlyFeeKrw; }
        public void setMonthlyFeeKrw(String v) { monthlyFeeKrw = v; }
        public String getBilling() { return billing; }
        public void setBilling(String v) { billing = v; }
        public String getSubscriptionStart() { return subscriptionStart; }
        public void setSubscriptionStart(String v) { subscriptionStart = v; }
        public String getIndustry() { return industry; }
        public void setIndustry(String v) { industry = v; }
        public String getAnnualRevenueKrw() { return annualRevenueKrw; }
        public void setAnnualRevenueKrw(String v) { annualRevenueKrw = v; }
        public String getEmployees() { return employees; }
        public void setEmployees(String v) { employees = v; }
        public String getDeclared() { return declared; }
        public void setDeclared(String v) { declared = v; }
        public List<String> getEvidence() { return evidence; }
        public void setEvidence(List<String> v) { evidence = v == null ? new ArrayList<>() : v; }

        /**
         * The claim as JSON, as a claims backend would send it. Numbers the form holds as text are written as
         * numbers when they are whole numbers and as text otherwise, so the reader names the field that is wrong.
         */
        ObjectNode claim() {
            ObjectNode c = Json.mapper().createObjectNode();
            put(c, "id", id);
            put(c, "incident", incident);
            put(c, "service", service);
            ObjectNode who = c.putObject("claimant");
            put(who, "id", claimantId);
            put(who, "kind", claimantKind);
            put(who, "phoneCountry", phoneCountry);
            if (!blank(industry) || !blank(annualRevenueKrw) || !blank(employees)) {
                ObjectNode b = who.putObject("business");
                put(b, "industry", industry);
                number(b, "annualRevenueKrw", annualRevenueKrw);
                number(b, "employees", employees);
            }
            put(c, "harm", harm);
            put(c, "filedAt", filedAt);
            if (!blank(plan) || !blank(monthlyFeeKrw)) {
                ObjectNode s = c.putObject("subscription");
                put(s, "plan", plan);
                number(s, "monthlyFeeKrw", monthlyFeeKrw);
                put(s, "billing", billing);
                put(s, "start", subscriptionStart);
            }
            if (!blank(declared)) {
                ObjectNode d = c.putObject("declared");
                for (String line : declared.split("\\R")) {
                    if (line.isBlank()) continue;
                    int eq = line.indexOf('=');
                    if (eq < 0) d.put(line.trim(), "");
                    else number(d, line.substring(0, eq).trim(), line.substring(eq + 1).trim().replace(",", ""));
                }
            }
            if (!evidence.isEmpty()) {
                var ev = c.putArray("evidence");
                for (String e : evidence) ev.addObject().put("kind", e);
            }
            return c;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static void put(ObjectNode n, String field, String value) {
            if (!blank(value)) n.put(field, value.trim());
        }

        private static void number(ObjectNode n, String field, String value) {
            if (blank(value)) return;
            String v = value.trim();
            if (v.matches("-?[0-9]{1,18}")) n.put(field, Long.parseLong(v));
            else n.put(field, v);
        }
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("policies", sources.registry().ids());
        model.addAttribute("incidents", sources.incidents().all());
        model.addAttribute("claimantKinds", ClaimantKind.values());
        model.addAttribute("harms", HarmKind.values());
        model.addAttribute("billings", BillingChannel.values());
        model.addAttribute("evidenceKinds", EvidenceKind.values());
    }

    @GetMapping("/try")
    public String form(Model model) {
        Form f = new Form();
        f.json = sources.oneClaim();
        model.addAttribute("form", f);
        return "workbench/try";
    }

    @PostMapping("/try")
    public String assess(@ModelAttribute("form") Form form, Model model) {
        Policy policy = sources.registry().find(form.policy).orElseThrow(() -> new WorkbenchErrors.NotFound("no policy " + form.policy));
        JsonNode node;
        if ("json".equals(form.mode)) {
            if (form.json == null || form.json.length() > 64 * 1024) throw new IllegalArgumentException("paste one claim of at most 64 KB");
            try {
                node = Json.mapper().readTree(form.json);
            } catch (IOException e) {
                model.addAttribute("rejection", new io.bosang.result.Rejection("$", "not valid JSON"));
                return "workbench/try";
            }
        } else {
            node = form.claim();
            try {
                form.json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        ClaimInput in = reader.read(1, node);
        if (!in.valid()) {
            model.addAttribute("rejection", in.rejection());
            return "workbench/try";
        }
        Assessment a = policy.assess(in.claim());
        Locale locale = LocaleContextHolder.getLocale();
        Explanation.Lang lang = "ko".equals(locale.getLanguage()) ? Explanation.Lang.KO : Explanation.Lang.EN;
        model.addAttribute("assessment", a);
        model.addAttribute("explanation", Explanation.of(in.claim(), a, policy, lang));
        model.addAttribute("assessedBy", policy);
        return "workbench/try";
    }
}
