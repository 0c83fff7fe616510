package dev.handoff.views;

import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security rules of issue 13 ({@link SecurityRules}) hold for the views. */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        assertThat(SecurityRules.violations(SecurityRules.moduleClasses("dev.handoff.views",
                dev.handoff.views.document.DocumentViewModel.class))).isEmpty();
    }
}
