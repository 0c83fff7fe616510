package dev.handoff.app;

import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

/** The security rules of issue 13 ({@link SecurityRules}) hold for the app and the handoff CLI. */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        SecurityRules.checkModule("dev.handoff.app", dev.handoff.app.cli.HandoffCli.class);
    }
}
