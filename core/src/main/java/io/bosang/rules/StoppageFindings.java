package io.bosang.rules;

import io.bosang.result.Finding;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Findings that the online-content policies (the Content User Protection Guidelines, the KCDRS standards, the FTC
 * game terms) word alike, written once; each policy names its own users ("users", "consumers") and its own clause,
 * and its rule keeps its own id and legal basis.
 */
public final class StoppageFindings {
    private StoppageFindings() {
    }

    /** ONLY_PARTIAL_STOPPAGE: "The service was only partly degraded, never stopped (…): this policy counts … only". */
    public static Finding onlyPartial(String what, ServiceOutage outage) {
        return Finding.notEligible("ONLY_PARTIAL_STOPPAGE", "The " + what + " was only partly degraded, never stopped (" + outage.describe()
                + "): this policy counts " + outage.measure() + " only (counted-severities in policy.yaml).");
    }

    /**
     * NOTICE_TOO_LATE: "Users were notified at …, less than 24 h before the stoppage: the clause for stoppage without
     * prior notice applies." {@code lead} is the lead-time parameter the rule read.
     */
    public static Finding noticeTooLate(String who, OffsetDateTime givenAt, Duration lead, PolicyCalendar calendar, String consequence) {
        return Finding.note("NOTICE_TOO_LATE", who + " were notified at " + calendar.format(givenAt) + ", less than " + Hours.format(lead)
                + " before the stoppage: " + consequence + ".");
    }
}
