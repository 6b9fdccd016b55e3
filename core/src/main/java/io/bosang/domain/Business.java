package io.bosang.domain;

import java.util.Objects;

/**
 * Business facts of a claimant that runs a business.
 *
 * @param industry           industry code, e.g. {@code FOOD}, {@code RETAIL}, {@code TRANSPORT} (see the claim schema)
 * @param annualRevenueKrw   prior-year revenue in whole KRW
 * @param employees          regular employees
 * @param registrationNumber business registration number, or empty
 */
public record Business(String industry, long annualRevenueKrw, int employees, String registrationNumber) {
    public Business {
        Objects.requireNonNull(industry, "industry");
        if (annualRevenueKrw < 0) throw new IllegalArgumentException("annualRevenueKrw must not be negative");
        if (employees < 0) throw new IllegalArgumentException("employees must not be negative");
        registrationNumber = registrationNumber == null ? "" : registrationNumber;
    }
}
