package dev.handoff.serve;

import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security rules of issue 13 ({@link SecurityRules}) hold for handoff serve (the one module allowed an HTTP server). */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        assertThat(SecurityRules.violations(SecurityRules.moduleClasses("dev.handoff.serve",
                dev.handoff.serve.PolicyServer.class))).isEmpty();
    }
}
