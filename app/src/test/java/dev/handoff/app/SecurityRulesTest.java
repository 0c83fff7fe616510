package dev.handoff.app;

import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security rules of issue 13 ({@link SecurityRules}) hold for the app and the handoff CLI. */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        assertThat(SecurityRules.violations(SecurityRules.moduleClasses("dev.handoff.app",
                dev.handoff.app.cli.HandoffCli.class))).isEmpty();
    }
}
