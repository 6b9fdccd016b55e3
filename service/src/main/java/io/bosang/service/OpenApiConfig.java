package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document. Claims and assessments are typed by the project's own JSON Schemas
 * ({@code schema/claim.schema.json}, {@code schema/assessment.schema.json}, the ones the reader and writer are tested
 * against): OpenAPI 3.1 takes JSON Schema 2020-12, so each file becomes a component as it is, its {@code $defs}
 * becoming components of their own ({@code Claim_subscription}, {@code Assessment_line}, ...) so that every client
 * generator resolves them, and each integer without a format gets {@code int64} (the Java type of every amount). Fields that carry a stored claim or assessment as raw JSON point at those components.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    static final String CLAIM = "#/components/schemas/Claim";
    static final String ASSESSMENT = "#/components/schemas/Assessment";
    static final String CLAIM_OR_BATCH = "#/components/schemas/ClaimOrBatch";
    static final String RECORDED = "#/components/schemas/Recorded";

    @Bean
    OpenAPI bosangOpenApi() {
        return new OpenAPI().info(new Info().title("Bosang service").version("v1")
                .description("Outage compensation decided by Drools policies. Every assessment names the policy version "
                        + "(id, version, content hash) that produced it."));
    }

    @Bean
    OpenApiCustomizer projectSchemas() {
        return api -> {
            Components c = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(c);
            addSchemaFile(c, "schema/claim.schema.json", "Claim");
            addSchemaFile(c, "schema/assessment.schema.json", "Assessment");
            c.addSchemas("ClaimOrBatch", new Schema<>().description("one claim, or a JSON array of claims (a batch)")
                    .oneOf(List.of(new Schema<>().$ref(CLAIM), new ArraySchema().items(new Schema<>().$ref(CLAIM)))));
            // Raw-JSON fields of the ledger's answers: the stored claim and assessment, typed by the schemas.
            pointAt(c, "Recorded", "assessment", ASSESSMENT);
            pointAt(c, "StoredDecision", "assessment", ASSESSMENT);
            pointAt(c, "StoredDecision", "claim", CLAIM);
            Schema<?> granted = c.getSchemas() == null ? null : c.getSchemas().get("Granted");
            if (granted != null && granted.getProperties() != null) {
                granted.getProperties().put("lines", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Assessment_line"))
                        .description("the lines granted by this decision (empty once erased)"));
                if (c.getSchemas().containsKey("JsonNode")) c.getSchemas().remove("JsonNode");
            }
        };
    }

    private static void pointAt(Components c, String component, String property, String ref) {
        Schema<?> s = c.getSchemas() == null ? null : c.getSchemas().get(component);
        if (s == null || s.getProperties() == null || !s.getProperties().containsKey(property)) return;
        String description = s.getProperties().get(property).getDescription();
        Schema<?> typed = new Schema<>().$ref(ref);
        if (description != null) typed.description(description);
        s.getProperties().put(property, typed);
    }

    /** Adds a JSON Schema file as component {@code name}, and each of its {@code $defs} as {@code name_def}. */
    static void addSchemaFile(Components c, String resource, String name) {
        JsonNode root;
        try (InputStream in = OpenApiConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            root = io.bosang.json.Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode schema = (ObjectNode) root.deepCopy();
        rewriteRefs(schema, name);
        JsonNode defs = schema.remove("$defs");
        schema.remove("$schema");
        schema.remove("$id");
        c.addSchemas(name, toSchema(schema));
        if (defs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> d = it.next();
                c.addSchemas(name + "_" + d.getKey(), toSchema(d.getValue()));
            }
        }
    }

    private static void rewriteRefs(JsonNode n, String name) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
                o.put("$ref", "#/components/schemas/" + name + "_" + ref.asText().substring("#/$defs/".length()));
            }
            // Amounts and counts are Java longs (KRW revenues pass 2^31): say so, or generators type them as int32.
            if (o.path("type").asText().equals("integer") && !o.has("format")) o.put("format", "int64");
            o.elements().forEachRemaining(child -> rewriteRefs(child, name));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(child -> rewriteRefs(child, name));
        }
    }

    private static Schema<?> toSchema(JsonNode node) {
        try {
            return Json31.mapper().treeToValue(node, Schema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
