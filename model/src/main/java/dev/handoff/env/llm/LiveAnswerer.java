package dev.handoff.env.llm;

/**
 * A live LLM worker's source of answers: asks the endpoint, records the answer in the {@link RecordedAnswers} the
 * environment replays from and appends it to the replay file at once, and refuses new calls once the spend cap is
 * reached (the cap can be overshot by at most one answer).
 */
public final class LiveAnswerer {
    private final ChatCompletionsClient client;
    private final RecordedAnswers book;
    private final ReplayLog log;
    private final CostModel costs;
    private final String modelId;
    private double spent;
    private long calls;

    public LiveAnswerer(ChatCompletionsClient client, RecordedAnswers book, ReplayLog log, CostModel costs) {
        this.client = client;
        this.book = book;
        this.log = log;
        this.costs = costs;
        this.modelId = client.endpoint().modelId();
        book.addModel(modelId);
    }

    public String modelId() {
        return modelId;
    }

    /** Dollars spent on live calls so far (server-reported tokens when given, else chars / charsPerToken). */
    public double spent() {
        return spent;
    }

    public long calls() {
        return calls;
    }

    /** Gets (and records) this model's answer to question {@code k}; returns the record. */
    public AnswerRecord answer(int k) {
        double cap = client.endpoint().spendCapDollars();
        if (spent >= cap) {
            throw new LiveCallException(String.format("spend cap of $%.4f for %s reached ($%.4f spent)", cap, modelId, spent));
        }
        ChatCompletionsClient.Completion c = client.complete(ChatCompletionsClient.gsm8kPrompt(book.question(k)));
        AnswerRecord r = new AnswerRecord(k, modelId, c.text(), null, "live:" + client.endpoint().baseUrl());
        if (log != null) {
            log.append(r);
        }
        book.record(r);
        calls++;
        spent += cost(k, c);
        return r;
    }

    private double cost(int k, ChatCompletionsClient.Completion c) {
        if (!costs.prices(modelId)) {
            return 0;
        }
        if (c.promptTokens() >= 0 && c.completionTokens() >= 0) {
            CostModel.ModelCost p = costs.models().get(modelId);
            return p.samples() * (c.promptTokens() * p.inputPerMTok() + c.completionTokens() * p.outputPerMTok()) / 1e6;
        }
        return costs.cost(modelId, book.questionChars(k), c.text().length());
    }
}
