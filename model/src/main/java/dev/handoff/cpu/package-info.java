/**
 * An RV32IM machine and the tools around it for the CPU-programming experiment (issue 8).
 *
 * <ul>
 *   <li>{@link dev.handoff.cpu.Assembler} text ⇄ {@link dev.handoff.cpu.Program} (records of
 *       {@link dev.handoff.cpu.Instruction}); {@link dev.handoff.cpu.DecodedProgram} pre-decodes a program into
 *       primitive arrays that {@link dev.handoff.cpu.Machine} runs with a step limit (arguments in a0..a2, result
 *       in a0, RISC-V M-extension division results).</li>
 *   <li>{@link dev.handoff.cpu.HackersDelightTasks} loads the 19 SyGuS-Comp "hackers_del" tasks with their vectors
 *       split into public and held-out rows; {@link dev.handoff.cpu.Grammar} is a task's operator set at a difficulty,
 *       each {@link dev.handoff.cpu.BvOperator} one (or two) RV32IM instructions.</li>
 *   <li>{@link dev.handoff.cpu.EnumerativeSynthesizer}: bounded bottom-up enumeration with observational equivalence
 *       on the public vectors, budgeted in candidates ({@link dev.handoff.cpu.SearchBudget}); accepted programs pass
 *       the given full vector set on the machine. {@link dev.handoff.cpu.PeepholeOptimizer} shortens programs
 *       without changing a0.</li>
 * </ul>
 */
package dev.handoff.cpu;
