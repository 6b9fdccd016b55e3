package io.bosang.check;

/**
 * What a law said of one generated case: it holds, it is broken (and how), or it does not speak of the case (a
 * monotone law on a claim that declares no such amount). Cases a law speaks of are the ones it exercised.
 */
record Judgement(boolean spoke, String violation) {
    static final Judgement HOLDS = new Judgement(true, null);
    static final Judgement SILENT = new Judgement(false, null);

    static Judgement broken(String violation) {
        return new Judgement(true, violation);
    }

    /** HOLDS when {@code violation} is null, else broken. */
    static Judgement of(String violation) {
        return violation == null ? HOLDS : broken(violation);
    }

    boolean holds() {
        return violation == null;
    }
}
