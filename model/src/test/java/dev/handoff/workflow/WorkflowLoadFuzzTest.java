package dev.handoff.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.fuzz.JsonSlots;
import dev.handoff.fuzz.JsonSlots.Slot;
import dev.handoff.observe.InterfaceMaps;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random damage to a valid document: loading either succeeds or throws {@link WorkflowLoadException} with problems
 * at well-formed paths, never another exception; whatever loads can be validated and re-saved stably.
 */
class WorkflowLoadFuzzTest {
    private static final String VALID = WorkflowJson.write(SampleWorkflows.everyField());
    private static final String NOISE = "{}[],:\"0123456789-+.eEtrufalsn \\x\n";

    @Property(tries = 400)
    void damagedTextLoadsOrFailsWithProblems(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1_000_000) Integer> cuts,
                                             @ForAll @IntRange(min = 0, max = 3) int kind) {
        StringBuilder text = new StringBuilder(VALID);
        for (int c : cuts) {
            int at = c % (text.length() + 1);
            switch (kind) {
                case 0 -> text.setLength(at);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + c % 7));
                case 2 -> text.insert(at, NOISE.charAt(c % NOISE.length()));
                default -> text.setCharAt(Math.min(at, text.length() - 1), NOISE.charAt(c % NOISE.length()));
            }
            if (text.length() == 0) {
                break;
            }
        }
        checkLoad(text.toString());
    }

    @Property(tries = 400)
    void damagedTreeLoadsOrFailsWithProblems(@ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 1_000_000) Integer> picks,
                                             @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 0, max = 11) Integer> ops) {
        ObjectNode root = WorkflowJson.toTree(SampleWorkflows.everyField());
        for (int i = 0; i < picks.size(); i++) {
            List<Slot> slots = JsonSlots.of(root);
            if (slots.isEmpty()) {
                break;
            }
            mutate(slots.get(picks.get(i) % slots.size()), ops.get(i));
        }
        checkLoad(WorkflowJson.writeTree(root));
    }

    private static void checkLoad(String text) {
        Workflow loaded;
        try {
            loaded = WorkflowJson.parse(text, "fuzz");
        } catch (WorkflowLoadException e) {
            Statistics.collect("refused");
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.problems()).allSatisfy(p -> {
                assertThat(p.path()).matches("(/[^/]*)*");
                assertThat(p.message()).isNotBlank();
            });
            return;
        }
        Statistics.collect(new WorkflowValidator().validate(loaded).isEmpty() ? "loaded, valid" : "loaded, invalid");
        // whatever loads can be checked and saved without blowing up, and saving is stable
        new WorkflowValidator().validate(loaded);
        try {
            InterfaceMaps.compile(loaded);
        } catch (IllegalArgumentException expected) {
            // an invalid observation spec is refused with a message, which is the contract
            assertThat(expected.getMessage()).isNotBlank();
        }
        String saved = WorkflowJson.write(loaded);
        try {
            assertThat(WorkflowJson.write(WorkflowJson.parse(saved, "resaved"))).isEqualTo(saved);
        } catch (WorkflowLoadException e) {
            throw new AssertionError("a saved document must load again: " + e.problems(), e);
        }
        WorkflowHash.of(loaded);
    }

    private static void mutate(Slot s, int op) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode replacement = switch (op) {
            case 0 -> null; // remove
            case 1 -> f.nullNode();
            case 2 -> f.textNode("x");
            case 3 -> f.numberNode(1.5);
            case 4 -> f.numberNode(-3);
            case 5 -> f.booleanNode(true);
            case 6 -> f.arrayNode();
            case 7 -> f.objectNode();
            case 8 -> f.numberNode(1e308);
            case 9 -> f.numberNode(0);
            case 10 -> f.textNode("STOP");
            default -> f.numberNode(Long.MAX_VALUE);
        };
        if (s.field() != null) {
            ObjectNode o = (ObjectNode) s.parent();
            if (op == 0) {
                o.remove(s.field());
            } else if (op == 7 && o.size() % 2 == 0) {
                o.put(s.field() + "Extra", 1); // an unknown property next to a known one
            } else {
                o.set(s.field(), replacement);
            }
        } else {
            ArrayNode a = (ArrayNode) s.parent();
            if (op == 0) {
                a.remove(s.index());
            } else {
                a.set(s.index(), replacement);
            }
        }
    }
}
