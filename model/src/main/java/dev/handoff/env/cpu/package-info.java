/**
 * The environment kind {@code cpu-programming} (issue 8): planner, coder, tester and optimizer agents hand an RV32IM
 * program under construction to each other; a submission earns +1 only when it passes every vector of its Hacker's
 * Delight task, held-out ones included, minus the cost of the candidates tried and instructions executed.
 * {@link dev.handoff.env.cpu.CpuProgrammingKind} validates workflows and builds
 * {@link dev.handoff.env.cpu.CpuProgrammingEnvironment}s (checkpointable, so {@code handoff train} runs and resumes
 * them); {@link dev.handoff.env.cpu.CpuProgrammingKind#sampleWorkflow()} is
 * {@code sample-workflows/cpu-hackers-delight.workflow.json}.
 *
 * <p>Policies are scored task by task by {@link dev.handoff.env.cpu.CpuPolicyEvaluation}, fixed pipelines by
 * {@link dev.handoff.env.cpu.FixedPipelines}; the experiment that trains learners and compares them (and renders their
 * programs) is in {@code dev.handoff.cpureport}, above the trainers. Live mode: the coder option {@code llm} asks an OpenAI-compatible endpoint
 * ({@link dev.handoff.env.cpu.LlmCoder}, configured by {@link dev.handoff.env.cpu.LiveCoderSettings}) and records every
 * answer to a replay file.
 */
package dev.handoff.env.cpu;
