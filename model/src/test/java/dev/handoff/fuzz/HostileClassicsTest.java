package dev.handoff.fuzz;

import dev.handoff.env.routing.Topology;
import dev.handoff.env.routing.TopologyImport;
import dev.handoff.input.InputException;
import dev.handoff.input.InputLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The classic hostile inputs of issue 13, each by name, on every loader of {@link LoaderTargets}: 10^5-deep nesting, a
 * folder where a file belongs, a 1 MB name, binary garbage; and for GraphML an XXE with a {@code file:///} entity,
 * billion laughs and an enormous topology. Each must be refused plainly, quickly, without reading what an entity names.
 */
class HostileClassicsTest {
    @TempDir
    Path dir;

    private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);

    /** Every loader, each mutable file in turn replaced by {@code bytes} (null: a folder in its place). */
    private void everyLoaderRefuses(String what, byte[] bytes) throws Exception {
        int k = 0;
        for (LoaderTarget t : LoaderTargets.all()) {
            for (String file : t.mutable()) {
                Path root = Files.createDirectories(dir.resolve(what.replaceAll("\\W", "") + k++));
                Map<String, byte[]> corpus = t.corpora().get(0);
                LoaderTarget.write(corpus, root);
                Path p = root.resolve(file);
                Files.delete(p);
                if (bytes == null) {
                    Files.createDirectories(p);
                } else {
                    Files.write(p, bytes);
                }
                Throwable thrown = catchThrowable(() -> t.load().from(root));
                if (thrown == null && bytes == null && t.name().startsWith("agent traces")) {
                    continue; // a trace folder's readers take its *.jsonl files: a sub-folder so named is not one
                }
                assertThat(thrown).as("%s: %s in place of %s", t.name(), what, file).isNotNull();
                Throwable typed = Refusals.typed(thrown);
                assertThat(typed).as("%s: %s in place of %s is refused with a typed error, not %s", t.name(), what, file,
                        thrown).isNotNull();
                assertThat(Refusals.messageFault(typed)).as("%s: %s in place of %s", t.name(), what, file).isNull();
            }
        }
    }

    @Test
    void nestingTenToTheFifthDeepIsRefusedByEveryLoader() throws Exception {
        everyLoaderRefuses("10^5-deep nesting", DEEP.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFolderWhereAFileBelongsIsRefusedByEveryLoader() throws Exception {
        everyLoaderRefuses("a folder", null);
    }

    @Test
    void binaryGarbageIsRefusedByEveryLoader() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(13).nextBytes(garbage);
        everyLoaderRefuses("binary garbage", garbage);
    }

    @Test
    void aMegabyteNameIsRefusedAtItsPathNamingTheLimit() throws Exception {
        Path w = dir.resolve("big-name.workflow.json");
        String sample = Files.readString(LoaderTargets.repository().resolve("sample-workflows/synthetic-gap.workflow.json"));
        Files.writeString(w, sample.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"" + "n".repeat(1 << 20) + "\""));
        assertThatThrownBy(() -> dev.handoff.env.WorkflowLoading.loadValid(w))
                .isInstanceOfSatisfying(dev.handoff.workflow.WorkflowLoadException.class, e ->
                        assertThat(e.problems()).singleElement().hasToString(
                                "/name: a string is too long: more than max-string-chars = 65536 characters"));
    }

    // ---------------------------------------------------------------- GraphML

    @Test
    void anExternalEntityIsNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        Path xxe = Files.writeString(dir.resolve("xxe.graphml"), """
                <?xml version="1.0"?>
                <!DOCTYPE graphml [<!ENTITY xxe SYSTEM "%s">]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="label" attr.type="string" for="node" id="d0"/>
                  <graph edgedefault="undirected">
                    <node id="a"><data key="d0">&xxe;</data></node><node id="b"/><edge source="a" target="b"/>
                  </graph>
                </graphml>
                """.formatted(secret.toUri()));
        Throwable thrown = catchThrowable(() -> TopologyImport.importFile(xxe));
        assertThat(thrown).isInstanceOf(InputException.class)
                .hasMessage(xxe + ":2:" + ((InputException) thrown).location().split(":")[2]
                        + ": a DOCTYPE or entity is not allowed in GraphML (entities are never expanded or fetched)");
        assertThat(thrown.getMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        Path lol = Files.writeString(dir.resolve("lol.graphml"), "<?xml version=\"1.0\"?>\n" + dtd
                + "]>\n<graphml><graph><node id=\"&lol9;\"/></graph></graphml>\n");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Topology.read(lol)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(lol + ":2:").hasMessageContaining("DOCTYPE");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to refuse").isLessThan(5.0);
    }

    @Test
    void anEnormousTopologyIsRefusedAtTheRouterLimitWithTheLimitNamed() throws IOException {
        long routers = InputLimits.AGENTS.value() + 1;
        StringBuilder g = new StringBuilder("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph>\n");
        for (long i = 0; i < routers; i++) {
            g.append("<node id=\"n").append(i).append("\"/>\n");
        }
        g.append("</graph></graphml>\n");
        Path big = Files.writeString(dir.resolve("big.graphml"), g);
        assertThatThrownBy(() -> Topology.read(big)).isInstanceOf(InputException.class)
                .hasMessage(big + ":" + (routers + 1) + ":" + (("<node id=\"n" + (routers - 1) + "\"/>").length() + 1)
                        + ": the topology has more routers than max-agents = 50000 (each router becomes an agent)");
    }

    @Test
    void malformedGraphmlNamesLineAndColumn() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.graphml"), "<graphml>\n  <graph>\n    <node id=\"a\">\n  </graph>\n");
        assertThatThrownBy(() -> Topology.read(bad)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + ":4:").hasMessageContaining("not well-formed GraphML")
                .hasMessageContaining("must be terminated by the matching end-tag \"</node>\"");
    }
}
