package dev.handoff.cpu;

import java.util.Arrays;

/**
 * A bounded bottom-up enumerative synthesiser (Udupa et al. 2013 style): it builds every term of the task's
 * {@link Grammar} by increasing instruction count up to a maximum length, evaluating each candidate on the public
 * vectors with the machine's ALU, and keeps only one term per observable behaviour (observational equivalence on the
 * public vectors). A term whose behaviour equals the target is turned into an RV32IM program, simplified by the
 * {@link PeepholeOptimizer} (unless turned off), and accepted only if the {@link Machine} runs it correctly on every vector, public and
 * held out; a rejected match is not kept, so other terms with the same public behaviour are still tried.
 *
 * <p>Length counts instructions of operators; constants are free operands (an immediate, or one {@code li} each when
 * an operator has no immediate form).
 */
public final class EnumerativeSynthesizer {
    private static final int ARG = -1;
    private static final int CONST = -2;

    private final Machine machine = new Machine();
    private final boolean peephole;

    // The bank of kept terms (one per public behaviour), column-major growth by term id.
    private int m;
    private int termCount;
    private int[] values = new int[0];
    private int[] hashes = new int[0];
    private int[] termOp = new int[0];
    private int[] left = new int[0];
    private int[] right = new int[0];
    private boolean[] isBool = new boolean[0];
    private int[] table = new int[0];
    private int[][] bySize;
    private int[] bySizeCount;
    private BvOperator[] ops = new BvOperator[0];

    /** A synthesiser whose found programs are simplified by the {@link PeepholeOptimizer}. */
    public EnumerativeSynthesizer() {
        this(true);
    }

    /** {@code peephole} false: found programs are returned as the term translation gives them (for an optimiser agent). */
    public EnumerativeSynthesizer(boolean peephole) {
        this.peephole = peephole;
    }

    /** Searches {@code task} at {@code difficulty} for a program of at most {@code maxLength} operator instructions. */
    public SynthesisResult synthesize(HackersDelightTask task, Difficulty difficulty, int maxLength, SearchBudget budget) {
        return synthesize(Grammar.of(task, difficulty), task.returnsBool(), task.publicVectors(), task.allVectors(),
            maxLength, budget.maxCandidates());
    }

    /**
     * Searches {@code grammar} for a program matching {@code publicVectors}, accepted only when it also passes
     * {@code allVectors}; evaluates at most {@code maxCandidates} candidates.
     */
    public SynthesisResult synthesize(Grammar grammar, boolean targetIsBool, IoVectors publicVectors,
                                      IoVectors allVectors, int maxLength, long maxCandidates) {
        long start = System.nanoTime();
        m = publicVectors.size();
        reset(maxLength);
        int[] target = new int[m];
        for (int i = 0; i < m; i++) {
            target[i] = publicVectors.expected(i);
        }
        long stepsBefore = machine.stepsExecuted();
        long candidates = 0;
        long aluInstructions = 0;
        int rejected = 0;
        int[] cand = new int[m];
        // Leaves: the arguments and the grammar's constants (size 0).
        int[] constants = grammar.constants();
        for (int k = 0; k < grammar.arity() + constants.length; k++) {
            boolean isArg = k < grammar.arity();
            for (int i = 0; i < m; i++) {
                cand[i] = isArg ? publicVectors.argument(k, i) : constants[k - grammar.arity()];
            }
            int id = addIfNew(cand, isArg ? ARG : CONST, isArg ? k : constants[k - grammar.arity()], 0, false, 0);
            if (id >= 0 && !targetIsBool && Arrays.equals(cand, target)) {
                Program p = verified(id, allVectors);
                if (p != null) {
                    return result(p, candidates, aluInstructions, stepsBefore, rejected, false, start);
                }
                rejected++;
            }
        }
        ops = grammar.operators().toArray(new BvOperator[0]);
        for (int size = 1; size <= maxLength; size++) {
            for (int o = 0; o < ops.length; o++) {
                BvOperator op = ops[o];
                int childBudget = size - op.instructionCount();
                if (childBudget < 0) {
                    continue;
                }
                boolean resultBool = op.returnsBool();
                boolean argBool = op.takesBool();
                for (int ls = 0; ls <= childBudget; ls++) {
                    int rs = childBudget - ls;
                    if (op.arity() == 1 && rs != 0) {
                        continue;
                    }
                    if (op.arity() == 2 && op.commutative() && ls > rs) {
                        continue;
                    }
                    int nl = bySizeCount[ls];
                    int nr = op.arity() == 1 ? 1 : bySizeCount[rs];
                    for (int li = 0; li < nl; li++) {
                        int l = bySize[ls][li];
                        if (isBool[l] != argBool) {
                            continue;
                        }
                        for (int ri = 0; ri < nr; ri++) {
                            int r = op.arity() == 1 ? l : bySize[rs][ri];
                            if (op.arity() == 2) {
                                if (isBool[r] != argBool || op.commutative() && ls == rs && r < l) {
                                    continue;
                                }
                                if (termOp[l] == CONST && termOp[r] == CONST) {
                                    continue; // a constant expression: no new behaviour worth an instruction
                                }
                            }
                            if (candidates >= maxCandidates) {
                                return result(null, candidates, aluInstructions, stepsBefore, rejected, true, start);
                            }
                            candidates++;
                            int lo = l * m;
                            int ro = r * m;
                            for (int i = 0; i < m; i++) {
                                cand[i] = op.apply(values[lo + i], values[ro + i]);
                            }
                            aluInstructions += (long) m * op.instructionCount();
                            boolean hitsTarget = resultBool == targetIsBool && Arrays.equals(cand, target);
                            if (hitsTarget) {
                                int id = addTerm(cand, o, l, r, resultBool, size);
                                Program p = verified(id, allVectors);
                                if (p != null) {
                                    return result(p, candidates, aluInstructions, stepsBefore, rejected, false, start);
                                }
                                rejected++;
                                termCount--; // forget the rejected match so other terms with this behaviour are tried
                                bySizeCount[size]--;
                            } else {
                                addIfNew(cand, o, l, r, resultBool, size);
                            }
                        }
                    }
                }
            }
        }
        return result(null, candidates, aluInstructions, stepsBefore, rejected, false, start);
    }

    private SynthesisResult result(Program p, long candidates, long alu, long stepsBefore, int rejected,
                                   boolean exhausted, long start) {
        long steps = machine.stepsExecuted() - stepsBefore;
        return new SynthesisResult(p, candidates, alu + steps, termCount, rejected, exhausted, System.nanoTime() - start);
    }

    private Program verified(int term, IoVectors all) {
        Program raw = new TermProgramBuilder().build(term);
        Program p = peephole ? PeepholeOptimizer.optimize(raw) : raw;
        return all.allPass(DecodedProgram.decode(p), machine, Machine.DEFAULT_STEP_LIMIT) ? p : null;
    }

    private void reset(int maxLength) {
        termCount = 0;
        table = new int[1 << 10];
        bySize = new int[maxLength + 1][16];
        bySizeCount = new int[maxLength + 1];
    }

    /** Adds the term unless a kept term already shows this behaviour; returns its id or -1. */
    private int addIfNew(int[] vec, int op, int l, int r, boolean bool, int size) {
        int h = hash(vec, bool);
        int mask = table.length - 1;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int t = table[slot] - 1;
            if (hashes[t] == h && isBool[t] == bool && sameValues(t, vec)) {
                return -1;
            }
        }
        int id = addTerm(vec, op, l, r, bool, size);
        insert(id, h);
        return id;
    }

    private int addTerm(int[] vec, int op, int l, int r, boolean bool, int size) {
        int id = termCount;
        ensureCapacity(id + 1);
        System.arraycopy(vec, 0, values, id * m, m);
        hashes[id] = hash(vec, bool);
        termOp[id] = op;
        left[id] = l;
        right[id] = r;
        isBool[id] = bool;
        if (bySizeCount[size] == bySize[size].length) {
            bySize[size] = Arrays.copyOf(bySize[size], bySize[size].length * 2);
        }
        bySize[size][bySizeCount[size]++] = id;
        termCount++;
        return id;
    }

    private void insert(int id, int h) {
        if (2 * (termCount + 1) > table.length) {
            int[] old = table;
            table = new int[old.length * 2];
            for (int e : old) {
                if (e != 0) {
                    place(e - 1, hashes[e - 1]);
                }
            }
        }
        place(id, h);
    }

    private void place(int id, int h) {
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id + 1;
    }

    private boolean sameValues(int t, int[] vec) {
        int o = t * m;
        for (int i = 0; i < m; i++) {
            if (values[o + i] != vec[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(int[] vec, boolean bool) {
        int h = bool ? 0x9E3779B9 : 17;
        for (int v : vec) {
            h = h * 31 + v;
            h ^= h >>> 15;
        }
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    private void ensureCapacity(int n) {
        if (n <= termOp.length) {
            return;
        }
        int cap = Math.max(1024, termOp.length * 2);
        values = Arrays.copyOf(values, cap * m);
        hashes = Arrays.copyOf(hashes, cap);
        termOp = Arrays.copyOf(termOp, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        isBool = Arrays.copyOf(isBool, cap);
    }

    /** Turns a kept term into straight-line RV32IM code: shared subterms once, result in a0, arguments untouched. */
    private final class TermProgramBuilder {
        private static final int[] POOL = {5, 6, 7, 28, 29, 30, 31, 13, 14, 15, 16, 17, 8, 9, 18, 19, 20, 21, 22, 23,
            24, 25, 26, 27, 3, 4, 2};
        private final java.util.List<Instruction> out = new java.util.ArrayList<>();
        private final java.util.Map<Integer, Integer> registerOfTerm = new java.util.HashMap<>();
        private int nextFree;

        Program build(int root) {
            int r = emit(root, Registers.A0);
            if (r != Registers.A0) {
                out.add(Instruction.i(Opcode.ADDI, Registers.A0, r, 0));
            }
            return new Program(out);
        }

        /** Emits code for {@code term} (into {@code into} when it needs an instruction, else a fresh register). */
        private int emit(int term, int into) {
            Integer known = registerOfTerm.get(term);
            if (known != null) {
                return known;
            }
            int reg;
            if (termOp[term] == ARG) {
                reg = Registers.A0 + left[term];
            } else if (termOp[term] == CONST) {
                reg = constantRegister(left[term], into);
            } else {
                reg = emitOperator(term, into);
            }
            registerOfTerm.put(term, reg);
            return reg;
        }

        private int constantRegister(int value, int into) {
            if (value == 0) {
                return Registers.ZERO;
            }
            int rd = into >= 0 ? into : fresh();
            out.addAll(Assembler.assemble("li " + Registers.abiName(rd) + ", " + value).instructions());
            return rd;
        }

        private int emitOperator(int term, int into) {
            BvOperator op = ops[termOp[term]];
            int a = left[term];
            int b = right[term];
            if (op.arity() == 1) {
                int ra = emit(a, -1);
                int rd = into >= 0 ? into : fresh();
                switch (op) {
                    case BVNOT -> out.add(Instruction.i(Opcode.XORI, rd, ra, -1));
                    case NOT -> out.add(Instruction.i(Opcode.XORI, rd, ra, 1));
                    default -> out.add(Instruction.r(op.instruction(), rd, Registers.ZERO, ra));
                }
                return rd;
            }
            if (op.commutative() && termOp[a] == CONST && termOp[b] != CONST) {
                int t = a;
                a = b;
                b = t;
            }
            Instruction immediate = null;
            int ra = emit(a, -1);
            if (termOp[b] == CONST && op.post() == BvOperator.Post.NONE && !op.swapped()) {
                immediate = immediateForm(op.instruction(), 0, ra, left[b]);
            }
            int rd = into >= 0 ? into : fresh();
            if (immediate != null) {
                out.add(immediateForm(op.instruction(), rd, ra, left[b]));
                return rd;
            }
            int rb = emit(b, -1);
            out.add(op.swapped() ? Instruction.r(op.instruction(), rd, rb, ra) : Instruction.r(op.instruction(), rd, ra, rb));
            switch (op.post()) {
                case FLIP -> out.add(Instruction.i(Opcode.XORI, rd, rd, 1));
                case SEQZ -> out.add(Instruction.i(Opcode.SLTIU, rd, rd, 1));
                default -> { }
            }
            return rd;
        }

        /** {@code op rd, rs, c} as one immediate-form instruction with the same result, or null. */
        private Instruction immediateForm(Opcode op, int rd, int rs, int c) {
            boolean fits = c >= -2048 && c <= 2047;
            return switch (op) {
                case ADD -> fits ? Instruction.i(Opcode.ADDI, rd, rs, c) : null;
                case SUB -> c != Integer.MIN_VALUE && -c >= -2048 && -c <= 2047 ? Instruction.i(Opcode.ADDI, rd, rs, -c) : null;
                case AND -> fits ? Instruction.i(Opcode.ANDI, rd, rs, c) : null;
                case OR -> fits ? Instruction.i(Opcode.ORI, rd, rs, c) : null;
                case XOR -> fits ? Instruction.i(Opcode.XORI, rd, rs, c) : null;
                case SLT -> fits ? Instruction.i(Opcode.SLTI, rd, rs, c) : null;
                case SLTU -> fits ? Instruction.i(Opcode.SLTIU, rd, rs, c) : null;
                case SLL -> Instruction.i(Opcode.SLLI, rd, rs, c & 31);
                case SRL -> Instruction.i(Opcode.SRLI, rd, rs, c & 31);
                case SRA -> Instruction.i(Opcode.SRAI, rd, rs, c & 31);
                default -> null;
            };
        }

        private int fresh() {
            if (nextFree == POOL.length) {
                throw new IllegalStateException("term needs more than " + POOL.length + " temporaries");
            }
            return POOL[nextFree++];
        }
    }
}
