package dev.handoff.env.cpu;

import dev.handoff.cpu.Difficulty;
import dev.handoff.cpu.SearchBudget;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent of the cpu-programming kind does (its {@code role} in the workflow) and which option ids it accepts:
 * the planner chooses the grammar and the length bound ({@code d0-L4}: difficulty d0, at most 4 instructions), the
 * coder runs the enumerative synthesiser with a search budget ({@code tiny small medium large}), the tester runs the
 * public vectors or the full set ({@code public full}), the optimizer applies the peephole optimiser ({@code peephole}).
 */
public enum CpuRole {
    PLANNER, CODER, TESTER, OPTIMIZER;

    /** Longest program a planner may ask for. */
    public static final int MAX_LENGTH = 8;

    private static final Pattern PLAN = Pattern.compile("d(0|1|5)-L([1-9][0-9]*)");

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this id, or null. */
    public static CpuRole byId(String id) {
        if (id == null) {
            return null;
        }
        for (CpuRole r : values()) {
            if (r.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }

    /** Null when {@code optionId} is an option of this role, else what is wrong with it. */
    public String checkOption(String optionId) {
        if (optionId == null) {
            return "option without an id";
        }
        return switch (this) {
            case PLANNER -> {
                Matcher m = PLAN.matcher(optionId);
                if (!m.matches()) {
                    yield "planner option \"" + optionId + "\" must look like d0-L4 (difficulty d0|d1|d5, length 1.."
                        + MAX_LENGTH + ")";
                }
                int length = Integer.parseInt(m.group(2));
                yield length > MAX_LENGTH ? "planner length " + length + " is above " + MAX_LENGTH : null;
            }
            case CODER -> budget(optionId) == null ? "coder option \"" + optionId + "\" must be one of tiny, small, medium, large" : null;
            case TESTER -> optionId.equals("public") || optionId.equals("full") ? null
                : "tester option \"" + optionId + "\" must be public or full";
            case OPTIMIZER -> optionId.equals("peephole") ? null : "optimizer option \"" + optionId + "\" must be peephole";
        };
    }

    /** The search budget a coder option names, or null. */
    public static SearchBudget budget(String optionId) {
        for (SearchBudget b : SearchBudget.values()) {
            if (b.name().toLowerCase(Locale.ROOT).equals(optionId)) {
                return b;
            }
        }
        return null;
    }

    /** The difficulty of a planner option such as {@code d1-L4}. */
    public static Difficulty planDifficulty(String optionId) {
        Matcher m = PLAN.matcher(optionId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a planner option: " + optionId);
        }
        return Difficulty.valueOf("D" + m.group(1));
    }

    /** The length bound of a planner option such as {@code d1-L4}. */
    public static int planLength(String optionId) {
        Matcher m = PLAN.matcher(optionId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a planner option: " + optionId);
        }
        return Integer.parseInt(m.group(2));
    }
}
