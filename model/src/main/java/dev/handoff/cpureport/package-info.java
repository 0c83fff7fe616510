/**
 * Reports on trained cpu-programming policies (issue 8), above the trainers in the model's layers:
 * {@link dev.handoff.cpureport.CpuExperiment} trains IC-Q and the oracle learner (and neural IC-Q) and scores their
 * greedy pipelines and every fixed pipeline task by task ({@code handoff cpu-report});
 * {@link dev.handoff.cpureport.SolvedPrograms} renders the program a policy submits as commented assembly (a run
 * folder's {@code programs/}, the dashboard's "Show programs").
 */
package dev.handoff.cpureport;
