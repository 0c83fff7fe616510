package dev.handoff.env.llm;

import dev.handoff.input.InputLimits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A reply body read as untrusted text: at most {@link InputLimits#REPLY_BYTES} bytes (the exchange is cancelled at the
 * first byte over, so a 50 MB reply never reaches memory), decoded as UTF-8 with malformed bytes replaced.
 */
final class CappedReply implements HttpResponse.BodySubscriber<String> {
    /** The reply was larger than the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long cap) {
            super("the reply is larger than " + InputLimits.REPLY_BYTES + " " + InputLimits.REPLY_BYTES.unit()
                    + " (read no further than " + cap + ")");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedReply(long cap) {
        this.cap = cap;
    }

    static HttpResponse.BodyHandler<String> handler() {
        return info -> new CappedReply(InputLimits.REPLY_BYTES.value());
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > cap) {
                subscription.cancel();
                body.completeExceptionally(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        body.complete(new String(bytes.toByteArray(), StandardCharsets.UTF_8)); // malformed bytes become U+FFFD
    }
}
