package io.bosang.domain;

import java.util.Objects;

/**
 * A service an operator provides.
 *
 * @param id       stable identifier within the incident, e.g. {@code kakao-webtoon}
 * @param name     display name
 * @param category what kind of service
 * @param payment  how users pay for it
 */
public record Service(String id, String name, ServiceCategory category, PaymentModel payment) {
    public Service {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(payment, "payment");
        name = name == null ? id : name;
    }
}
