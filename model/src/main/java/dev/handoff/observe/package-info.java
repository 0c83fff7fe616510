/**
 * Interface observations φ_i (ICQ.md): the declarative {@link dev.handoff.workflow.InterfaceSpec} of each agent
 * compiled into an {@link dev.handoff.observe.InterfaceMap} that turns an artifact and a private state into the
 * agent's view — an int key for tabular IC-Q, a one-hot vector for neural learners — without allocating.
 */
package dev.handoff.observe;
