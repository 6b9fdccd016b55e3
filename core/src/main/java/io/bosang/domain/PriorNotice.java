package io.bosang.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A notice given to users before a stoppage.
 *
 * @param givenAt when users were notified
 * @param means   how (service notice, SMS, e-mail)
 */
public record PriorNotice(OffsetDateTime givenAt, String means) {
    public PriorNotice {
        Objects.requireNonNull(givenAt, "givenAt");
        means = means == null ? "" : means;
    }
}
