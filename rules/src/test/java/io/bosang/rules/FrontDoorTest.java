package io.bosang.rules;

import io.bosang.Bosang;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;

/** A shipped policy behind the front door is compiled once per process and shared by every caller. */
class FrontDoorTest {
    @Test
    void aShippedPolicyIsCompiledOnceAndShared() throws Exception {
        assertSame(Bosang.policy("content-user-protection").compiled(), Bosang.policy("content-user-protection").compiled());
    }
}
