package dev.handoff.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model's classes keep {@link SecurityRules}; and each rule does catch what it forbids. */
class SecurityRulesTest {
    @Test
    void theModelKeepsEverySecurityRule() {
        assertThat(SecurityRules.violations(SecurityRules.moduleClasses("dev.handoff",
                dev.handoff.env.llm.ChatCompletionsClient.class))).isEmpty();
    }

    // ---------------------------------------------------------------- each rule can fail (on classes that break it)

    static final class Deserialises {
        Object read(java.io.InputStream in) throws Exception {
            return new java.io.ObjectInputStream(in).readObject();
        }
    }

    static final class Scripts {
        Object eval(String s) throws Exception {
            return new javax.script.ScriptEngineManager().getEngineByName("js").eval(s);
        }
    }

    static final class LoadsByName {
        Object make(String name) throws Exception {
            return Class.forName(name).getDeclaredConstructor().newInstance();
        }
    }

    static final class Phones {
        Object call(java.net.URL url) throws Exception {
            return url.openStream();
        }

        Object socket() {
            return new java.net.Socket();
        }
    }

    static final class TrustsAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    private static void fails(ArchRule rule, Class<?> offender) {
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(offender)))
                .as("%s catches %s", rule.getDescription(), offender.getSimpleName()).isInstanceOf(AssertionError.class);
    }

    @Test
    void everyRuleCatchesWhatItForbids() {
        fails(SecurityRules.noDeserialization(), Deserialises.class);
        fails(SecurityRules.noScriptEngines(), Scripts.class);
        fails(SecurityRules.noClassLoadingByName(), LoadsByName.class);
        fails(SecurityRules.networkOnlyWhereAllowed(), Phones.class);
        fails(SecurityRules.tlsVerificationAlwaysOn(), TrustsAll.class);
    }

    @Test
    void violationsNameEveryOffendingClass() {
        assertThat(SecurityRules.violations(new ClassFileImporter().importClasses(Deserialises.class, Phones.class)))
                .anyMatch(v -> v.contains(Deserialises.class.getName()))
                .anyMatch(v -> v.contains(Phones.class.getName()));
    }
}
