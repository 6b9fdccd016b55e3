package io.bosang.check;

import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

import java.util.List;
import java.util.function.Function;

import static org.quicktheories.QuickTheory.qt;

/**
 * The one place that runs QuickTheories for the invariants: generates cases, asks the law of each, counts the cases
 * the law spoke of, and on a failure keeps the smallest falsifying case QuickTheories shrinks to (instead of throwing).
 */
final class Falsifier {
    private Falsifier() {
    }

    /** What a search found: the smallest broken case (null when none) and how many cases were tried and spoken of. */
    record Found<T>(T smallest, int tried, int exercised) {
    }

    /** A law that throws is broken, not the checker: the exception becomes the violation. */
    static <T> Judgement judge(Function<T, Judgement> law, T value) {
        try {
            Judgement j = law.apply(value);
            return j == null ? Judgement.HOLDS : j;
        } catch (RuntimeException e) {
            return Judgement.broken("checking threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static <T> Found<T> search(long seed, int examples, int shrinkCycles, Gen<T> cases, Function<T, Judgement> law) {
        int[] spoke = {0};
        boolean[] failed = {false};
        Captured captured = new Captured();
        qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(shrinkCycles).withReporter(captured)
                .forAll(cases).check(v -> {
                    Judgement j = judge(law, v);
                    if (!failed[0] && j.spoke()) spoke[0]++;   // shrinking runs after the first failure are not counted
                    if (!j.holds()) failed[0] = true;
                    return j.holds();
                });
        @SuppressWarnings("unchecked")
        T smallest = (T) captured.smallest;
        return new Found<>(smallest, captured.smallest == null ? examples : captured.tried, spoke[0]);
    }

    /** Captures QuickTheories' smallest falsifying value instead of throwing. */
    private static final class Captured implements Reporter {
        Object smallest;
        int tried;

        @Override
        public void falisification(long seed, int executed, Object value, Throwable cause, List<Object> examples, AsString<Object> asString) {
            smallest = value;
            tried = executed;
        }

        @Override
        public void falisification(long seed, int executed, Object value, List<Object> examples, AsString<Object> asString) {
            smallest = value;
            tried = executed;
        }

        @Override
        public void valuesExhausted(int count) {
        }
    }
}
