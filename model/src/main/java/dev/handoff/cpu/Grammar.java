package dev.handoff.cpu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search space of a task at one difficulty: its operators (as {@link BvOperator}s), its constants and its
 * arity. The SyGuS grammars of the Bool-valued tasks (hd10, hd11, hd12, hd18) list only their Bool-level operators;
 * for those the bit-vector operators and constants of the reference formula are added, so the reference is
 * expressible.
 */
public record Grammar(List<BvOperator> operators, int[] constants, int arity) {

    public Grammar {
        operators = List.copyOf(operators);
        constants = constants.clone();
    }

    @Override
    public int[] constants() {
        return constants.clone();
    }

    /** The grammar of {@code task} at {@code difficulty}. */
    public static Grammar of(HackersDelightTask task, Difficulty difficulty) {
        Set<String> names = new LinkedHashSet<>(task.grammar(difficulty));
        if (task.returnsBool()) {
            for (String token : task.reference().replace('(', ' ').replace(')', ' ').trim().split("\\s+")) {
                BvOperator op = BvOperator.bySmtName(token);
                if (token.startsWith("#x") || op != null && !op.returnsBool()) {
                    names.add(token);
                }
            }
        }
        List<BvOperator> ops = new ArrayList<>();
        List<Integer> consts = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("#x")) {
                consts.add((int) Long.parseLong(name.substring(2), 16));
                continue;
            }
            BvOperator op = BvOperator.bySmtName(name);
            if (op != null) {
                ops.add(op);
            } else if (!task.params().contains(name)) {
                throw new IllegalArgumentException(task.id() + ": grammar name '" + name + "' is neither an operator,"
                    + " a constant nor a parameter");
            }
        }
        return new Grammar(ops, consts.stream().mapToInt(Integer::intValue).toArray(), task.arity());
    }

    /** Number of operators plus constants plus arguments (the grammar's size as a feature). */
    public int size() {
        return operators.size() + constants.length + arity;
    }
}
