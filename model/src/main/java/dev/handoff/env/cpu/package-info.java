/**
 * The environment kind {@code cpu-programming} (issue 8): planner, coder, tester and optimizer agents hand an RV32IM
 * program under construction to each other; a submission earns +1 only when it passes every vector of its Hacker's
 * Delight task, held-out ones included, minus the cost of the candidates tried and instructions executed.
 * {@link dev.handoff.env.cpu.CpuProgrammingKind} validates workflows and builds
 * {@link dev.handoff.env.cpu.CpuProgrammingEnvironment}s; {@link dev.handoff.env.cpu.CpuProgrammingKind#sampleWorkflow()}
 * is {@code sample-workflows/cpu-hackers-delight.workflow.json}.
 */
package dev.handoff.env.cpu;
