package dev.handoff.cpu;

import java.util.List;
import java.util.Map;

/**
 * One Hacker's Delight program-synthesis task (SyGuS-Comp 2014 "hackers_del"): write an RV32IM program that maps the
 * arguments in a0..a{@code arity-1} to the value of {@code reference} (an SMT-LIB bit-vector expression, which is the
 * specification; Bool results are 0/1). Its 64 vectors are split deterministically: the row with index {@code i}
 * within the task (file order) is held out when {@code i % 4 == 3} (16 rows), public otherwise (48 rows).
 *
 * @param grammars for each difficulty, the allowed operators and constants as SyGuS names ({@code bvand}, {@code #x00000001}, parameter names)
 */
public record HackersDelightTask(String id, String description, List<String> params, boolean returnsBool,
                                 String reference, Map<Difficulty, List<String>> grammars,
                                 IoVectors publicVectors, IoVectors heldOutVectors) {

    /** The split rule: every fourth row of a task (index % 4 == 3) is held out. */
    public static boolean isHeldOut(int rowIndexWithinTask) {
        return rowIndexWithinTask % 4 == 3;
    }

    public HackersDelightTask {
        params = List.copyOf(params);
        grammars = Map.copyOf(grammars);
    }

    /** Number of arguments (1..3). */
    public int arity() {
        return params.size();
    }

    /** Public and held-out vectors together. */
    public IoVectors allVectors() {
        return publicVectors.concat(heldOutVectors);
    }

    /** The grammar terminals and operators allowed at {@code difficulty}. */
    public List<String> grammar(Difficulty difficulty) {
        return grammars.get(difficulty);
    }
}
