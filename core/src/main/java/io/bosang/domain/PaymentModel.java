package io.bosang.domain;

/** How a service is paid for. Guidelines treat free services differently from paid ones. */
public enum PaymentModel {
    FREE, SUBSCRIPTION, RENTAL, PER_USE, PLATFORM_FEE;

    public boolean paid() {
        return this != FREE;
    }
}
