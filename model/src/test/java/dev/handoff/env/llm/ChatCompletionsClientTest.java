package dev.handoff.env.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatCompletionsClientTest {
    private StubChatServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubChatServer(req -> StubChatServer.Reply.ok("Step by step...\n#### 42"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ChatCompletionsClient client(double timeoutSeconds, int retries, String keyEnv) {
        LiveEndpoint e = new LiveEndpoint(stub.baseUrl(), "stub-model", "stub", keyEnv, timeoutSeconds, retries, 0.05, 1.0);
        return new ChatCompletionsClient(e, Map.of("STUB_KEY", "sk-test-123")::get);
    }

    @Test
    void normalReplyReturnsTheContentAndUsageAndSendsTheKeyFromTheEnvironment() {
        ChatCompletionsClient.Completion c = client(5, 2, "STUB_KEY").complete("What is 6*7?");
        assertThat(c.text()).isEqualTo("Step by step...\n#### 42");
        assertThat(c.promptTokens()).isEqualTo(100);
        assertThat(c.completionTokens()).isEqualTo(50);
        assertThat(c.attempts()).isEqualTo(1);
        JsonNode req = stub.requests().get(0);
        assertThat(req.get("model").asText()).isEqualTo("stub-model");
        assertThat(req.get("messages").get(0).get("content").asText()).isEqualTo("What is 6*7?");
        assertThat(req.get("temperature").asInt()).isZero();
        assertThat(stub.authorizations().get(0)).isEqualTo("Bearer sk-test-123");
    }

    @Test
    void slowReplyTimesOutAndIsRetried() {
        stub.then(new StubChatServer.Reply(200, StubChatServer.completion("too late"), 1500, null));
        ChatCompletionsClient.Completion c = client(0.3, 2, null).complete("q");
        assertThat(c.text()).isEqualTo("Step by step...\n#### 42");
        assertThat(c.attempts()).isEqualTo(2);
        assertThat(stub.authorizations().get(0)).isNull();
    }

    @Test
    void serverErrorThenSuccessIsRetried() {
        stub.then(new StubChatServer.Reply(500, "{\"error\":\"boom\"}", 0, null));
        stub.then(new StubChatServer.Reply(429, "{\"error\":\"slow down\"}", 0, "0"));
        ChatCompletionsClient.Completion c = client(5, 3, null).complete("q");
        assertThat(c.attempts()).isEqualTo(3);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void malformedReplyFailsWithAClearError() {
        stub.then(new StubChatServer.Reply(200, "{\"choices\": []}", 0, null));
        assertThatThrownBy(() -> client(5, 3, null).complete("q"))
                .isInstanceOf(LiveCallException.class)
                .hasMessageContaining("malformed reply")
                .hasMessageContaining("choices[0].message.content");
        stub.then(new StubChatServer.Reply(200, "<html>gateway</html>", 0, null));
        assertThatThrownBy(() -> client(5, 3, null).complete("q"))
                .isInstanceOf(LiveCallException.class).hasMessageContaining("not JSON");
    }

    @Test
    void clientErrorIsNotRetriedAndPersistentFailureGivesUpAfterTheRetries() {
        stub.then(new StubChatServer.Reply(401, "{\"error\":\"bad key\"}", 0, null));
        assertThatThrownBy(() -> client(5, 3, null).complete("q")).hasMessageContaining("HTTP 401");
        assertThat(stub.requests()).hasSize(1);
        for (int i = 0; i < 3; i++) {
            stub.then(new StubChatServer.Reply(503, "{}", 0, null));
        }
        assertThatThrownBy(() -> client(5, 2, null).complete("q")).hasMessageContaining("after 3 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void missingApiKeyVariableIsAClearError() {
        assertThatThrownBy(() -> client(5, 0, "NOT_SET_ANYWHERE").complete("q"))
                .hasMessageContaining("NOT_SET_ANYWHERE").hasMessageContaining("not set");
        assertThat(stub.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- replies are untrusted text (issue 13)

    @Test
    void aFiftyMegabyteReplyIsRefusedAtTheCapWithoutRetrying() {
        stub.then(new StubChatServer.Reply(200, StubChatServer.completion("x".repeat(50 << 20)), 0, null));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client(30, 3, null).complete("q")).isInstanceOf(LiveCallException.class)
                .hasMessageContaining("the reply is larger than max-reply-bytes = 4194304 bytes");
        assertThat(stub.requests()).hasSize(1); // as large again on a retry: not retried
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(20);
    }

    @Test
    void aReplyThatDripsForeverTimesOutWithinTheTimeOut() {
        // headers at once, then 8 bytes every 200 ms: the request time-out alone would wait for ever
        stub.then(new StubChatServer.Reply(200, StubChatServer.completion("slow " + "z".repeat(4000)), 0, null, 200));
        ChatCompletionsClient.Completion c = client(1.0, 2, null).complete("q");
        assertThat(c.attempts()).isEqualTo(2);
        assertThat(c.text()).isEqualTo("Step by step...\n#### 42");
    }

    @Test
    void controlCharactersInAReplyAreKeptAsTextAndNeverReachAMessageRaw() {
        String hostile = "\u001b]0;pwned\u0007\u001b[2J\u0000 step\r\n#### 42";
        stub.then(StubChatServer.Reply.ok(hostile));
        assertThat(client(5, 0, null).complete("q").text()).isEqualTo(hostile); // graded as text, never executed
        stub.then(new StubChatServer.Reply(200, "{\"choices\": \"\u001b[31mnot a list\u0007\"}", 0, null));
        assertThatThrownBy(() -> client(5, 0, null).complete("q")).isInstanceOf(LiveCallException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007")
                        .contains("\\u001b[31mnot a list\\u0007"));
    }
}
