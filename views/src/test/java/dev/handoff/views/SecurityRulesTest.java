package dev.handoff.views;

import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

/** The security rules of issue 13 ({@link SecurityRules}) hold for the views. */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        SecurityRules.checkModule("dev.handoff.views", dev.handoff.views.document.DocumentViewModel.class);
    }
}
