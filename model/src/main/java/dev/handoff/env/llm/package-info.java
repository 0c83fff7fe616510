/**
 * The {@code llm-math} environment kind (experiment 2 of ICQ.md §6): LLM agents of different cost and skill hand off a
 * GSM8K math problem; reward = correct − λ·dollars.
 *
 * <h2>Replay (default, offline)</h2>
 * {@link dev.handoff.env.llm.RecordedAnswers} holds, for each of the 1,319 test questions, the recorded answer of six
 * real models (GPT-3 6B/175B single-sample and verifier-ranked, Mixtral-8x7B-Instruct, GPT-4-1106-preview) from
 * {@code sample-workflows/data/gsm8k/}. Correctness is the released label by default or re-graded by
 * {@link dev.handoff.env.llm.Gsm8kGrader} ({@link dev.handoff.env.llm.Grading}); every
 * {@link dev.handoff.env.llm.PolicyScore} names the grading it used.
 *
 * <h2>The environment</h2>
 * {@link dev.handoff.env.llm.LlmMathKind} validates and creates {@link dev.handoff.env.llm.LlmMathEnvironment}. Agents
 * are bound in the {@code agents} parameter to a model (LLM worker) or a tool (cheap non-LLM agent). Options:
 * {@code answer} (LLM workers), {@code keep}, {@code prefer-previous}; an action is (option, handoff target) with
 * index {@code optionIndex × successorCount + targetIndex}, successors in the workflow's handoff order; STOP submits
 * the current answer. Features ({@link dev.handoff.env.llm.LlmMathFeatures}) never include the gold answer. The
 * train/held-out split is fixed by {@code splitSeed}; {@link dev.handoff.env.llm.LlmMathEnvironment#setHeldOut} walks
 * the held-out questions for evaluation ({@link dev.handoff.env.llm.LlmMathEvaluation}); the reference points are in
 * {@link dev.handoff.env.llm.LlmMathBaselines}. Costs are the editable assumption {@link dev.handoff.env.llm.CostModel}.
 *
 * <h2>Live mode</h2>
 * Add {@code "live": {"<agent id>": {"baseUrl": "http://localhost:11434/v1", "model": "llama3.1:8b",
 * "modelId": "llama3.1-8b", "apiKeyEnv": "OPENAI_API_KEY" (omit for Ollama), "timeoutSeconds": 60, "maxRetries": 4,
 * "initialBackoffSeconds": 1, "spendCapDollars": 1}}}, a price for {@code modelId} under
 * {@code costs.models}, and a {@code replayFile}: each answer the endpoint gives
 * ({@link dev.handoff.env.llm.ChatCompletionsClient}) is appended there at once
 * ({@link dev.handoff.env.llm.ReplayLog}) and loaded again on the next run, so a live run can be replayed offline by
 * binding the agent to {@code modelId} with the same {@code replayFile}.
 */
package dev.handoff.env.llm;
