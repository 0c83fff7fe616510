package dev.handoff.sweep.spark;

import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security rules of issue 13 ({@link SecurityRules}) hold for the Spark sweep engine. */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        assertThat(SecurityRules.violations(SecurityRules.moduleClasses("dev.handoff.sweep.spark",
                dev.handoff.sweep.spark.CellTask.class))).isEmpty();
    }
}
