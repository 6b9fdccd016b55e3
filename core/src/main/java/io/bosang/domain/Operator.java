package io.bosang.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The operator users contracted with. Rules match the {@code id} (stable: {@code kt}, {@code skt}, {@code lgu},
 * {@code kakao}); the {@code name} is for people ("KT Corp.") and may be written in any way the sources write it.
 *
 * @param id   lower-case identifier, {@code ^[a-z][a-z0-9-]*$}
 * @param name display name
 */
public record Operator(String id, String name) {
    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]*$");

    public Operator {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("operator id '" + id + "' must match " + ID.pattern() + " (e.g. kt, skt, lgu, kakao)");
        }
        name = name == null || name.isBlank() ? id : name;
    }

    /** True when the operator's id is {@code id} (what rules ask: {@code operator.is("kt")}). */
    public boolean is(String id) {
        return this.id.equals(id);
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
