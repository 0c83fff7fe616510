package dev.handoff.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The security rules of issue 13, for every module's own classes (each module's {@code SecurityRulesTest} checks its
 * classes with them): loading a file never executes code (no Java serialization, no script engines, no classes loaded by
 * a name read from data), the network is reached only by the live-mode client and the policy server, and TLS
 * certificate and host checks are never switched off.
 */
public final class SecurityRules {
    /**
     * Where network access is allowed: the OpenAI-compatible live client (with its nested classes) and the
     * {@code handoff serve} module.
     */
    public static final List<String> NETWORK_ALLOWED = List.of("dev.handoff.env.llm.ChatCompletionsClient",
            "dev.handoff.serve..");

    private SecurityRules() {
    }

    /** Every violation of every rule in {@code classes}, one line each with the class and line (empty: none). */
    public static List<String> violations(JavaClasses classes) {
        List<String> found = new java.util.ArrayList<>();
        for (ArchRule rule : rules()) {
            found.addAll(rule.evaluate(classes).getFailureReport().getDetails());
        }
        return found;
    }

    /**
     * The production classes of a module's {@code rootPackage}, for {@link #violations}; they must include
     * {@code sample} (an import that found nothing would pass vacuously).
     */
    public static JavaClasses moduleClasses(String rootPackage, Class<?> sample) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        if (!classes.contain(sample)) {
            throw new AssertionError("the security rules see no " + sample.getName() + " in " + rootPackage);
        }
        return classes;
    }

    public static List<ArchRule> rules() {
        return List.of(noDeserialization(), noScriptEngines(), noClassLoadingByName(), networkOnlyWhereAllowed(),
                tlsVerificationAlwaysOn());
    }

    static ArchRule noDeserialization() {
        return noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.beans.XMLDecoder")
                .because("reading a file must never rebuild arbitrary objects: every format is typed JSON, XML or CSV");
    }

    static ArchRule noScriptEngines() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.script..", "jdk.jshell..",
                        "javax.tools..", "org.codehaus.groovy..", "groovy..", "org.mozilla.javascript..", "org.graalvm.polyglot..")
                .because("nothing in a workflow, bundle or trace is ever evaluated as code (DESIGN.md: no scripting in files)");
    }

    static ArchRule noClassLoadingByName() {
        return noClasses().should().callMethod(Class.class, "forName", String.class)
                .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
                .orShould().callMethod(ClassLoader.class, "loadClass", String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLClassLoader")
                .orShould().callMethod(java.lang.invoke.MethodHandles.Lookup.class, "findClass", String.class)
                .because("a class named by a file would be code chosen by whoever wrote the file");
    }

    static ArchRule networkOnlyWhereAllowed() {
        DescribedPredicate<JavaClass> network = resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..")
                .or(simpleName("Socket").and(resideInAnyPackage("java.net")))
                .or(simpleName("ServerSocket").and(resideInAnyPackage("java.net")))
                .or(simpleName("DatagramSocket").and(resideInAnyPackage("java.net")))
                .or(simpleName("URLConnection").and(resideInAnyPackage("java.net")))
                .or(simpleName("HttpURLConnection").and(resideInAnyPackage("java.net")))
                .or(resideInAnyPackage("javax.net..", "java.nio.channels").and(simpleName("SocketChannel")
                        .or(simpleName("ServerSocketChannel")).or(simpleName("DatagramChannel"))
                        .or(simpleName("SocketFactory")).or(simpleName("ServerSocketFactory"))))
                .as("network classes (java.net.http, sockets, URL connections, socket channels, an HTTP server)");
        return noClasses().that().haveNameNotMatching(java.util.regex.Pattern.quote(NETWORK_ALLOWED.get(0)) + "(\\$.*)?")
                .and().resideOutsideOfPackage(NETWORK_ALLOWED.get(1))
                .should().dependOnClassesThat(network)
                .orShould().callMethod(java.net.URL.class, "openConnection")
                .orShould().callMethod(java.net.URL.class, "openStream")
                .because("only live mode (a configured endpoint) and handoff serve use the network; a workflow, run or "
                        + "sweep never does")
                .allowEmptyShould(true); // the serve module is all allowed
    }

    static ArchRule tlsVerificationAlwaysOn() {
        DescribedPredicate<JavaClass> trustOverride = resideInAnyPackage("javax.net.ssl").and(simpleName("TrustManager")
                        .or(simpleName("X509TrustManager")).or(simpleName("X509ExtendedTrustManager"))
                        .or(simpleName("HostnameVerifier")).or(simpleName("TrustManagerFactory"))
                        .or(simpleName("SSLContext")))
                .as("TLS trust managers, host name verifiers or custom SSL contexts");
        return noClasses().should().dependOnClassesThat(trustOverride)
                .because("certificates and host names are always checked: the JDK's defaults, never a trust-all manager");
    }
}
